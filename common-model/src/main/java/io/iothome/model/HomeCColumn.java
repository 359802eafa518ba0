package io.iothome.model;

import java.util.Arrays;
import java.util.List;

/**
 * The 32 columns of HomeC.csv, in file order, each with the snake_case name used for it everywhere
 * downstream: Cassandra columns, InfluxDB fields and Spark columns.
 */
public enum HomeCColumn {
    TIME("time", "source_time", Kind.TIME),
    USE_KW("use [kW]", "use_kw", Kind.POWER),
    GEN_KW("gen [kW]", "gen_kw", Kind.POWER),
    HOUSE_OVERALL_KW("House overall [kW]", "house_overall_kw", Kind.POWER),
    DISHWASHER_KW("Dishwasher [kW]", "dishwasher_kw", Kind.APPLIANCE),
    FURNACE_1_KW("Furnace 1 [kW]", "furnace_1_kw", Kind.APPLIANCE),
    FURNACE_2_KW("Furnace 2 [kW]", "furnace_2_kw", Kind.APPLIANCE),
    HOME_OFFICE_KW("Home office [kW]", "home_office_kw", Kind.APPLIANCE),
    FRIDGE_KW("Fridge [kW]", "fridge_kw", Kind.APPLIANCE),
    WINE_CELLAR_KW("Wine cellar [kW]", "wine_cellar_kw", Kind.APPLIANCE),
    GARAGE_DOOR_KW("Garage door [kW]", "garage_door_kw", Kind.APPLIANCE),
    KITCHEN_12_KW("Kitchen 12 [kW]", "kitchen_12_kw", Kind.APPLIANCE),
    KITCHEN_14_KW("Kitchen 14 [kW]", "kitchen_14_kw", Kind.APPLIANCE),
    KITCHEN_38_KW("Kitchen 38 [kW]", "kitchen_38_kw", Kind.APPLIANCE),
    BARN_KW("Barn [kW]", "barn_kw", Kind.APPLIANCE),
    WELL_KW("Well [kW]", "well_kw", Kind.APPLIANCE),
    MICROWAVE_KW("Microwave [kW]", "microwave_kw", Kind.APPLIANCE),
    LIVING_ROOM_KW("Living room [kW]", "living_room_kw", Kind.APPLIANCE),
    SOLAR_KW("Solar [kW]", "solar_kw", Kind.POWER),
    TEMPERATURE("temperature", "temperature", Kind.FAHRENHEIT),
    ICON("icon", "icon", Kind.TEXT),
    HUMIDITY("humidity", "humidity", Kind.NUMBER),
    VISIBILITY("visibility", "visibility", Kind.NUMBER),
    SUMMARY("summary", "summary", Kind.TEXT),
    APPARENT_TEMPERATURE("apparentTemperature", "apparent_temperature", Kind.FAHRENHEIT),
    PRESSURE("pressure", "pressure", Kind.NUMBER),
    WIND_SPEED("windSpeed", "wind_speed", Kind.NUMBER),
    CLOUD_COVER("cloudCover", "cloud_cover", Kind.OPTIONAL_NUMBER),
    WIND_BEARING("windBearing", "wind_bearing", Kind.NUMBER),
    PRECIP_INTENSITY("precipIntensity", "precip_intensity", Kind.NUMBER),
    DEW_POINT("dewPoint", "dew_point", Kind.FAHRENHEIT),
    PRECIP_PROBABILITY("precipProbability", "precip_probability", Kind.NUMBER);

    /** How a column's text becomes a value. */
    public enum Kind {
        /** The row's time stamp, an integer (see {@link EventTimePolicy}). */
        TIME,
        /** A whole-house power in kW. */
        POWER,
        /** One metered circuit's power in kW. */
        APPLIANCE,
        /** A temperature in °F, stored in °C. */
        FAHRENHEIT,
        /** A required number, stored as read. */
        NUMBER,
        /** A number that may hold a placeholder text instead (cloudCover): stored as null. */
        OPTIONAL_NUMBER,
        /** Free text. */
        TEXT;

        public boolean isNumeric() {
            return this != TIME && this != TEXT;
        }
    }

    /** Number of columns in a HomeC line. */
    public static final int COUNT = values().length;

    private static final List<HomeCColumn> NUMERIC =
            Arrays.stream(values()).filter(c -> c.kind.isNumeric()).toList();
    private static final List<HomeCColumn> APPLIANCES =
            Arrays.stream(values()).filter(c -> c.kind == Kind.APPLIANCE).toList();

    private final String header;
    private final String storageName;
    private final Kind kind;

    HomeCColumn(String header, String storageName, Kind kind) {
        this.header = header;
        this.storageName = storageName;
        this.kind = kind;
    }

    /** The column's name in the HomeC header line. */
    public String header() {
        return header;
    }

    /** The column's snake_case name in every store. */
    public String storageName() {
        return storageName;
    }

    public Kind kind() {
        return kind;
    }

    /** The 29 numeric columns, in file order. */
    public static List<HomeCColumn> numeric() {
        return NUMERIC;
    }

    /** The 14 metered appliance circuits, in file order. */
    public static List<HomeCColumn> appliances() {
        return APPLIANCES;
    }

    /** The HomeC header line, as the published file has it. */
    public static String headerLine() {
        return String.join(",", Arrays.stream(values()).map(HomeCColumn::header).toList());
    }
}
