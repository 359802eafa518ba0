package io.iothome.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReadingParserTest {

    private static final double EXACT = 1e-12;

    private final ReadingParser parser = new ReadingParser(EventTimePolicy.homeC(), "home-c");

    @Test
    void everyRealSampleRowParsesWithoutRejection() {
        List<String> lines = SampleFile.lines();
        assertThat(lines.get(0)).isEqualTo(HomeCColumn.headerLine());

        List<Rejection> rejections = new ArrayList<>();
        int accepted = 0;
        for (String line : lines.subList(1, lines.size())) {
            ParseResult result = parser.parse(line);
            if (result instanceof ParseResult.Rejected rejected) {
                rejections.add(rejected.rejection());
            } else {
                accepted++;
            }
        }

        assertThat(rejections).isEmpty();
        assertThat(accepted).isEqualTo(2838);
    }

    @Test
    void firstRealRowIsCleanedAsComputedByHand() {
        Reading reading = accept(SampleFile.lines().get(1));

        assertThat(reading.houseId()).isEqualTo("home-c");
        assertThat(reading.sourceTime()).isEqualTo(1451624400L);
        assertThat(reading.eventTime()).isEqualTo(Instant.parse("2016-01-01T05:00:00Z"));
        assertThat(reading.useKw()).isEqualTo(0.932833333);
        assertThat(reading.genKw()).isEqualTo(0.003483333);
        assertThat(reading.value(HomeCColumn.DISHWASHER_KW)).isEqualTo(3.33e-5);
        // 36.14 °F, 29.26 °F and 24.4 °F
        assertThat(reading.temperature()).isCloseTo(2.3, within(EXACT));
        assertThat(reading.value(HomeCColumn.APPARENT_TEMPERATURE))
                .isCloseTo((29.26 - 32) * 5 / 9, within(EXACT))
                .isCloseTo(-1.522222222222, within(1e-9));
        assertThat(reading.value(HomeCColumn.DEW_POINT)).isCloseTo(-4.222222222222, within(1e-9));
        assertThat(reading.value(HomeCColumn.PRESSURE)).isEqualTo(1016.91);
        assertThat(reading.number(HomeCColumn.CLOUD_COVER)).isNull();
        assertThat(reading.value(HomeCColumn.WIND_BEARING)).isEqualTo(282.0);
        assertThat(reading.icon()).isEqualTo("clear-night");
        assertThat(reading.summary()).isEqualTo("Clear");
        assertThat(reading.useKwh()).isCloseTo(0.932833333 / 60, within(EXACT));
    }

    @Test
    void thousandthRealRowHasItsCloudCoverAndCelsius() {
        Reading reading = accept(SampleFile.lines().get(1000));

        // time 1451625399 is row 1,000: 999 minutes after 05:00Z on 1 January
        assertThat(reading.eventTime()).isEqualTo(Instant.parse("2016-01-01T21:39:00Z"));
        assertThat(reading.number(HomeCColumn.CLOUD_COVER)).isEqualTo(0.31);
        assertThat(reading.temperature()).isCloseTo(1.605555555556, within(1e-9));
        assertThat(reading.value(HomeCColumn.PRECIP_INTENSITY)).isEqualTo(0.0011);
        assertThat(reading.value(HomeCColumn.BARN_KW)).isEqualTo(0.419166667);
        assertThat(reading.summary()).isEqualTo("Partly Cloudy");
    }

    @Test
    void lastSampleRowLandsOnTheThirdOfJanuary() {
        List<String> lines = SampleFile.lines();
        Reading reading = accept(lines.get(lines.size() - 1));

        assertThat(reading.sourceTime()).isEqualTo(1451627237L);
        assertThat(reading.eventTime()).isEqualTo(Instant.parse("2016-01-03T04:17:00Z"));
        assertThat(reading.temperature()).isCloseTo(-0.261111111111, within(1e-9));
        assertThat(reading.value(HomeCColumn.DEW_POINT)).isCloseTo(-6.805555555556, within(1e-9));
        assertThat(reading.number(HomeCColumn.CLOUD_COVER)).isEqualTo(0.11);
        assertThat(reading.value(HomeCColumn.FRIDGE_KW)).isEqualTo(0.14775);
    }

    @Test
    void cloudCoverPlaceholderIsAbsentOnlyInTheEarlyRows() {
        List<String> lines = SampleFile.lines();
        List<Integer> absent = new ArrayList<>();
        for (int row = 1; row < lines.size(); row++) {
            if (accept(lines.get(row)).number(HomeCColumn.CLOUD_COVER) == null) {
                absent.add(row);
            }
        }

        assertThat(absent).hasSize(58).startsWith(1).endsWith(58);
    }

    @Test
    void scientificNotationIsReadAsTheExactDoubleItDenotes() {
        String line = SampleFile.lines().get(3).replace(",1.67E-05,", ",1.67E-05,");
        Reading reading = accept(line);

        assertThat(reading.value(HomeCColumn.DISHWASHER_KW)).isEqualTo(0.0000167);
        assertThat(reading.value(HomeCColumn.KITCHEN_38_KW))
                .isEqualTo(Double.parseDouble("1.67e-5"));
    }

    @Test
    void unixSecondsPolicyKeepsTheTimeColumnAsIs() {
        ReadingParser unix = new ReadingParser(EventTimePolicy.unixSeconds(), "home-c");
        Reading reading = accept(unix, SampleFile.lines().get(2));

        assertThat(reading.eventTime()).isEqualTo(Instant.ofEpochSecond(1451624401L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedLines")
    void malformedLineIsRejectedWithItsReason(
            String description, String line, RejectReason reason, String messagePart) {
        ParseResult result = parser.parse(line);

        assertThat(result).isInstanceOf(ParseResult.Rejected.class);
        Rejection rejection = ((ParseResult.Rejected) result).rejection();
        assertThat(rejection.reason()).isEqualTo(reason);
        assertThat(rejection.message()).contains(messagePart);
        assertThat(rejection.rawLine()).isEqualTo(line == null ? "" : line);
    }

    static Stream<Arguments> malformedLines() {
        String good = SampleFile.lines().get(1);
        String[] fields = good.split(",", -1); // test input surgery only; the parser uses opencsv
        return Stream.of(
                Arguments.of("header", HomeCColumn.headerLine(), RejectReason.HEADER, "header"),
                Arguments.of("empty line", "", RejectReason.BLANK_LINE, "blank"),
                Arguments.of("spaces only", "   ", RejectReason.BLANK_LINE, "blank"),
                Arguments.of("null line", null, RejectReason.BLANK_LINE, "blank"),
                Arguments.of(
                        "one column short",
                        good.substring(0, good.lastIndexOf(',')),
                        RejectReason.WRONG_COLUMN_COUNT,
                        "found 31"),
                Arguments.of(
                        "one column extra", good + ",1", RejectReason.WRONG_COLUMN_COUNT, "33"),
                Arguments.of(
                        "time only, like a truncated last row",
                        "1451624400",
                        RejectReason.WRONG_COLUMN_COUNT,
                        "found 1"),
                Arguments.of(
                        "every value empty",
                        "1451624400" + ",".repeat(31),
                        RejectReason.MISSING_VALUE,
                        "use [kW] has no value"),
                Arguments.of(
                        "unterminated quote",
                        good.replace(",Clear,", ",\"Clear,"),
                        RejectReason.MALFORMED_CSV,
                        "not valid CSV"),
                Arguments.of(
                        "text in a number column",
                        with(fields, HomeCColumn.PRESSURE, "high"),
                        RejectReason.NOT_A_NUMBER,
                        "pressure is not a number: 'high'"),
                Arguments.of(
                        "NaN",
                        with(fields, HomeCColumn.HUMIDITY, "NaN"),
                        RejectReason.MISSING_VALUE,
                        "humidity has no value (NaN)"),
                Arguments.of(
                        "empty number",
                        with(fields, HomeCColumn.GEN_KW, ""),
                        RejectReason.MISSING_VALUE,
                        "gen [kW] has no value"),
                Arguments.of(
                        "Infinity is no reading",
                        with(fields, HomeCColumn.USE_KW, "Infinity"),
                        RejectReason.NOT_A_NUMBER,
                        "use [kW]"),
                Arguments.of(
                        "hex float",
                        with(fields, HomeCColumn.WIND_SPEED, "0x1p3"),
                        RejectReason.NOT_A_NUMBER,
                        "windSpeed"),
                Arguments.of(
                        "number too large for a double",
                        with(fields, HomeCColumn.PRESSURE, "1e999"),
                        RejectReason.NOT_A_NUMBER,
                        "out of range"),
                Arguments.of(
                        "placeholder text outside cloud cover",
                        with(fields, HomeCColumn.VISIBILITY, "cloudCover"),
                        RejectReason.NOT_A_NUMBER,
                        "visibility"),
                Arguments.of(
                        "time with a fraction",
                        with(fields, HomeCColumn.TIME, "1451624400.5"),
                        RejectReason.BAD_TIME,
                        "not an integer"),
                Arguments.of(
                        "time too large to repair",
                        with(fields, HomeCColumn.TIME, "9223372036854775807"),
                        RejectReason.BAD_TIME,
                        "out of range"),
                Arguments.of(
                        "empty time",
                        with(fields, HomeCColumn.TIME, ""),
                        RejectReason.MISSING_VALUE,
                        "time is empty"));
    }

    @Test
    void quotedFieldsAndCarriageReturnsAreUnderstood() {
        String[] fields = SampleFile.lines().get(1).split(",", -1);
        fields[HomeCColumn.SUMMARY.ordinal()] = "\"Clear, calm\"";
        String line = String.join(",", fields) + "\r";

        Reading reading = accept(line);

        assertThat(reading.summary()).isEqualTo("Clear, calm");
        assertThat(reading.value(HomeCColumn.PRECIP_PROBABILITY)).isEqualTo(0.0);
    }

    @Test
    void parserSurvivesJavaSerializationAsSparkShipsIt() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        parser.parse(SampleFile.lines().get(1)); // the CSV parser exists before shipping
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(parser);
        }
        ReadingParser copy;
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (ReadingParser) in.readObject();
        }

        assertThat(accept(copy, SampleFile.lines().get(1)))
                .isEqualTo(accept(SampleFile.lines().get(1)));
    }

    @Test
    void sameLineGivesEqualReadings() {
        String line = SampleFile.lines().get(7);
        assertThat(accept(line)).isEqualTo(accept(line)).hasSameHashCodeAs(accept(line));
        assertThat(Collections.singleton(accept(line))).contains(accept(line));
    }

    private Reading accept(String line) {
        return accept(parser, line);
    }

    private static Reading accept(ReadingParser parser, String line) {
        ParseResult result = parser.parse(line);
        assertThat(result).as("parse of %s", line).isInstanceOf(ParseResult.Accepted.class);
        return ((ParseResult.Accepted) result).reading();
    }

    private static String with(String[] fields, HomeCColumn column, String value) {
        String[] copy = fields.clone();
        copy[column.ordinal()] = value;
        return String.join(",", copy);
    }
}
