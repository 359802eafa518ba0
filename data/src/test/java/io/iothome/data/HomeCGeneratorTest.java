package io.iothome.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.iothome.model.EventTimePolicy;
import io.iothome.model.HomeCColumn;
import io.iothome.model.ParseResult;
import io.iothome.model.Reading;
import io.iothome.model.ReadingParser;
import io.iothome.model.RejectReason;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomeCGeneratorTest {

    /** Summary statistics of a generated full year, gathered once for the shape tests. */
    private static final class YearSummary {
        long dataLines;
        long accepted;
        final List<ParseResult.Rejected> rejected = new ArrayList<>();
        long scientificNotationValues;
        long placeholderRows;
        boolean timeAdvancesByOne = true;
        long lastSourceTime = EventTimePolicy.HOMEC_ORIGIN - 1;
        Instant lastEventTime;
        final Stats temperatureF = new Stats();
        final Stats pressure = new Stats();
        final Stats windSpeed = new Stats();
        final Stats useKw = new Stats();
        final Stats genKw = new Stats();
        long useEqualsHouseOverall;
        long genEqualsSolar;
        long useEqualsApplianceSum;
    }

    private static final class Stats {
        long count;
        double sum;
        double sumOfSquares;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;

        void add(double value) {
            count++;
            sum += value;
            sumOfSquares += value * value;
            min = Math.min(min, value);
            max = Math.max(max, value);
        }

        double mean() {
            return sum / count;
        }

        double sd() {
            return Math.sqrt(sumOfSquares / count - mean() * mean());
        }
    }

    private static YearSummary year;

    @BeforeAll
    static void generateAndParseAFullYear(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("HomeC-year.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new HomeCGenerator(HomeCGenerator.FULL_YEAR_ROWS, 20160101L, true)
                    .write(out, 0, done -> {});
        }

        year = new YearSummary();
        ReadingParser parser = new ReadingParser(EventTimePolicy.homeC(), "home-c");
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            assertThat(in.readLine()).isEqualTo(HomeCColumn.headerLine());
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                year.dataLines++;
                if (line.contains("E-")) {
                    year.scientificNotationValues++;
                }
                if (line.contains(",cloudCover,")) {
                    year.placeholderRows++;
                }
                ParseResult result = parser.parse(line);
                if (result instanceof ParseResult.Rejected rejected) {
                    year.rejected.add(rejected);
                    continue;
                }
                summarise(((ParseResult.Accepted) result).reading());
            }
        }
    }

    private static void summarise(Reading reading) {
        year.accepted++;
        year.timeAdvancesByOne &= reading.sourceTime() == year.lastSourceTime + 1;
        year.lastSourceTime = reading.sourceTime();
        year.lastEventTime = reading.eventTime();
        year.temperatureF.add(reading.temperature() * 9 / 5 + 32);
        year.pressure.add(reading.value(HomeCColumn.PRESSURE));
        year.windSpeed.add(reading.value(HomeCColumn.WIND_SPEED));
        year.useKw.add(reading.useKw());
        year.genKw.add(reading.genKw());
        if (reading.useKw() == reading.value(HomeCColumn.HOUSE_OVERALL_KW)) {
            year.useEqualsHouseOverall++;
        }
        if (reading.genKw() == reading.value(HomeCColumn.SOLAR_KW)) {
            year.genEqualsSolar++;
        }
        double appliances = 0;
        for (HomeCColumn appliance : HomeCColumn.appliances()) {
            appliances += reading.value(appliance);
        }
        // values are rounded when written (9 decimals, or 3 digits in scientific notation)
        if (Math.abs(appliances - reading.useKw()) < 1e-6) {
            year.useEqualsApplianceSum++;
        }
    }

    @Test
    void fullYearHasThePublishedRowCountAndEndsWithOneMalformedRow() {
        assertThat(year.dataLines).isEqualTo(503_911);
        assertThat(year.accepted).isEqualTo(503_910);
        assertThat(year.rejected).hasSize(1);
        assertThat(year.rejected.get(0).rejection().reason()).isEqualTo(RejectReason.MISSING_VALUE);
        assertThat(year.rejected.get(0).rejection().rawLine()).startsWith("1452128310,");
    }

    @Test
    void fullYearKeepsThePublishedQuirks() {
        assertThat(year.timeAdvancesByOne).isTrue();
        assertThat(year.lastSourceTime).isEqualTo(1451624400L + 503_909);
        // 503,910 minutes after 2016-01-01T05:00Z, as the repaired HomeC file ends
        assertThat(year.lastEventTime).isEqualTo(Instant.parse("2016-12-16T03:29:00Z"));
        assertThat(year.placeholderRows).isEqualTo(HomeCGenerator.CLOUD_COVER_PLACEHOLDER_ROWS);
        assertThat(year.scientificNotationValues).isGreaterThan(10_000);
        assertThat(year.useEqualsHouseOverall).isEqualTo(year.accepted);
        assertThat(year.genEqualsSolar).isEqualTo(year.accepted);
        assertThat(year.useEqualsApplianceSum).isEqualTo(year.accepted);
    }

    @Test
    void fullYearTemperatureHasTheHouseClimate() {
        assertThat(year.temperatureF.mean()).isCloseTo(51, within(2.0));
        assertThat(year.temperatureF.min).isBetween(-20.0, -3.0);
        assertThat(year.temperatureF.max).isBetween(88.0, 100.0);
    }

    @Test
    void fullYearPressureAndWindHaveTheHouseClimate() {
        assertThat(year.pressure.mean()).isCloseTo(1016, within(1.5));
        assertThat(year.pressure.sd()).isCloseTo(8, within(1.5));
        assertThat(year.windSpeed.mean()).isCloseTo(6.6, within(0.5));
    }

    @Test
    void fullYearHouseUseHasThePublishedLevelSpreadAndPeaks() {
        assertThat(year.useKw.mean()).isCloseTo(0.86, within(0.08));
        assertThat(year.useKw.sd()).isCloseTo(1.06, within(0.15));
        assertThat(year.useKw.max).isBetween(11.0, 18.0);
        assertThat(year.genKw.min).isGreaterThanOrEqualTo(0);
        assertThat(year.genKw.max).isBetween(0.4, 0.8);
    }

    @Test
    void sameSeedGivesByteIdenticalOutputAndAnotherSeedDoesNot() throws IOException {
        String first = generate(20_000, 7);
        String second = generate(20_000, 7);
        String other = generate(20_000, 8);

        assertThat(first).isEqualTo(second);
        assertThat(other).isNotEqualTo(first);
        assertThat(first.lines().count()).isEqualTo(1 + 20_000 + 1);
    }

    @Test
    void malformedLastRowCanBeLeftOut() throws IOException {
        StringWriter out = new StringWriter();
        long written = new HomeCGenerator(100, 1, false).write(out, 0, done -> {});

        assertThat(written).isEqualTo(100);
        ReadingParser parser = new ReadingParser(EventTimePolicy.homeC(), "home-c");
        assertThat(out.toString().lines().skip(1).map(parser::parse))
                .allMatch(ParseResult::isAccepted);
    }

    private static String generate(long rows, long seed) throws IOException {
        StringWriter out = new StringWriter();
        new HomeCGenerator(rows, seed, true).write(out, 0, done -> {});
        return out.toString();
    }
}
