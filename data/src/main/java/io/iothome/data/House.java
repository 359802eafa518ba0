package io.iothome.data;

import io.iothome.model.HomeCColumn;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The house's 14 metered circuits, minute by minute: each has a standby draw and events (a furnace
 * cycle, a well pump, a meal on the stove) that start at a rate depending on the hour, the day and
 * the weather, and last a random number of minutes. Solar generation follows the sun's elevation at
 * 42.5° N and the cloud cover.
 */
final class House {

    /** What a circuit's event rate may depend on. */
    record Moment(int hour, boolean workday, double temperatureF) {}

    @FunctionalInterface
    interface EventRate {
        /** Expected events started per hour at this moment. */
        double perHour(Moment moment);
    }

    /** A circuit: standby draw, and events of random power and length. */
    private static final class Circuit {
        final double standbyLow;
        final double standbyHigh;
        final double eventLow;
        final double eventHigh;
        final int shortest;
        final int longest;
        final EventRate rate;
        int minutesLeft;
        double eventKw;

        Circuit(
                double standbyLow,
                double standbyHigh,
                double eventLow,
                double eventHigh,
                int shortest,
                int longest,
                EventRate rate) {
            this.standbyLow = standbyLow;
            this.standbyHigh = standbyHigh;
            this.eventLow = eventLow;
            this.eventHigh = eventHigh;
            this.shortest = shortest;
            this.longest = longest;
            this.rate = rate;
        }

        double next(Moment moment, SplittableRandom random) {
            if (minutesLeft == 0 && random.nextDouble() < rate.perHour(moment) / 60) {
                minutesLeft = shortest + random.nextInt(longest - shortest + 1);
                eventKw = eventLow + random.nextDouble() * (eventHigh - eventLow);
            }
            double standby = standbyLow + random.nextDouble() * (standbyHigh - standbyLow);
            if (minutesLeft > 0) {
                minutesLeft--;
                return standby + eventKw * (0.97 + random.nextDouble() * 0.06);
            }
            return standby;
        }
    }

    private static final double LATITUDE = Math.toRadians(42.5);
    private static final double SOLAR_PEAK_KW = 0.62;

    private final SplittableRandom random;
    private final Map<HomeCColumn, Circuit> circuits = new EnumMap<>(HomeCColumn.class);
    private final Circuit heavyBarnWork;
    private int fridgeMinute;

    House(SplittableRandom random) {
        this.random = random;
        circuits.put(
                HomeCColumn.DISHWASHER_KW,
                new Circuit(0, 0.00004, 0.6, 1.3, 40, 90, m -> between(m, 19, 23) ? 0.25 : 0.01));
        circuits.put(
                HomeCColumn.FURNACE_1_KW,
                new Circuit(0.018, 0.024, 0.45, 0.65, 8, 20, m -> heating(m) * 3.5));
        circuits.put(
                HomeCColumn.FURNACE_2_KW,
                new Circuit(
                        0.058, 0.066, 0.5, 1.0, 8, 25, m -> heating(m) * 2.4 + cooling(m) * 3.0));
        circuits.put(
                HomeCColumn.HOME_OFFICE_KW,
                new Circuit(
                        0.038,
                        0.05,
                        0.25,
                        0.45,
                        30,
                        180,
                        m -> m.workday() && between(m, 8, 18) ? 0.5 : 0.04));
        circuits.put(
                HomeCColumn.FRIDGE_KW,
                new Circuit(0.004, 0.006, 0.03, 0.2, 1, 3, m -> between(m, 6, 23) ? 1.5 : 0.1));
        circuits.put(
                HomeCColumn.WINE_CELLAR_KW,
                new Circuit(
                        0.0065,
                        0.0075,
                        0.1,
                        0.35,
                        8,
                        20,
                        m -> 0.3 + Math.max(0, m.temperatureF() - 55) * 0.04));
        circuits.put(
                HomeCColumn.GARAGE_DOOR_KW,
                new Circuit(0.012, 0.0135, 0.35, 0.6, 1, 2, m -> between(m, 7, 21) ? 0.3 : 0));
        circuits.put(
                HomeCColumn.KITCHEN_12_KW,
                new Circuit(0.0003, 0.0006, 0.4, 1.8, 5, 35, House::mealtime));
        circuits.put(
                HomeCColumn.KITCHEN_14_KW,
                new Circuit(0.0001, 0.0003, 0.3, 1.1, 5, 25, m -> mealtime(m) * 0.8));
        circuits.put(
                HomeCColumn.KITCHEN_38_KW,
                new Circuit(0, 0.00003, 0.05, 0.3, 2, 15, m -> mealtime(m) * 0.2));
        circuits.put(
                HomeCColumn.BARN_KW,
                new Circuit(0.028, 0.036, 0.5, 2.5, 20, 120, m -> between(m, 7, 19) ? 0.09 : 0.01));
        circuits.put(
                HomeCColumn.WELL_KW,
                new Circuit(0.0009, 0.0011, 1.3, 1.6, 1, 4, m -> between(m, 6, 23) ? 0.5 : 0.15));
        circuits.put(
                HomeCColumn.MICROWAVE_KW,
                new Circuit(0.0039, 0.0043, 1.3, 1.7, 1, 5, m -> mealtime(m) * 0.9));
        circuits.put(
                HomeCColumn.LIVING_ROOM_KW,
                new Circuit(
                        0.0012,
                        0.0018,
                        0.08,
                        0.45,
                        30,
                        150,
                        m -> between(m, 17, 23) ? 0.35 : between(m, 7, 9) ? 0.1 : 0.01));
        // rare heavy work in the barn (a welder, a heater): the house's peaks
        heavyBarnWork = new Circuit(0, 0, 6.0, 12.0, 10, 60, m -> between(m, 8, 17) ? 0.035 : 0);
    }

    /** Fills {@code kw} (indexed by column ordinal) with this minute's circuit draws. */
    void nextMinute(Moment moment, double[] kw) {
        for (Map.Entry<HomeCColumn, Circuit> entry : circuits.entrySet()) {
            kw[entry.getKey().ordinal()] = entry.getValue().next(moment, random);
        }

        // the fridge's compressor runs 18 minutes in every 45
        fridgeMinute = (fridgeMinute + 1) % 45;
        if (fridgeMinute < 18) {
            kw[HomeCColumn.FRIDGE_KW.ordinal()] += 0.118 + random.nextDouble() * 0.012;
        }
        kw[HomeCColumn.BARN_KW.ordinal()] += heavyBarnWork.next(moment, random);
    }

    /**
     * Solar generation in kW at {@code epochSecond}: the sun's elevation at the house (solar time
     * from Eastern Standard Time), dimmed by clouds; a small inverter reading at night.
     */
    double solarKw(long epochSecond, int dayOfYear, double cloudCover) {
        double elevation = sunElevationSine(epochSecond, dayOfYear);
        if (elevation <= 0) {
            return 0.0033 + random.nextDouble() * 0.0003;
        }
        double clearSky = SOLAR_PEAK_KW * Math.pow(elevation, 1.25);
        double dimmed = clearSky * (1 - 0.78 * cloudCover) * (0.95 + random.nextDouble() * 0.1);
        return Math.max(0.0033, dimmed);
    }

    static double sunElevationSine(long epochSecond, int dayOfYear) {
        double declination =
                Math.toRadians(23.44) * Math.sin(2 * Math.PI * (284 + dayOfYear) / 365.0);
        double solarHour = Math.floorMod(epochSecond - 5 * 3600, 86_400) / 3600.0 + 0.2;
        double hourAngle = Math.toRadians(15 * (solarHour - 12));
        return Math.sin(LATITUDE) * Math.sin(declination)
                + Math.cos(LATITUDE) * Math.cos(declination) * Math.cos(hourAngle);
    }

    private static boolean between(Moment moment, int fromHour, int toHour) {
        return moment.hour() >= fromHour && moment.hour() < toHour;
    }

    private static double mealtime(Moment moment) {
        int hour = moment.hour();
        if (hour >= 7 && hour < 9) {
            return 0.5;
        }
        if (hour >= 11 && hour < 13) {
            return moment.workday() ? 0.15 : 0.5;
        }
        if (hour >= 17 && hour < 20) {
            return 0.8;
        }
        return 0.02;
    }

    private static double heating(Moment moment) {
        return Math.max(0, Math.min(1, (62 - moment.temperatureF()) / 45));
    }

    private static double cooling(Moment moment) {
        return Math.max(0, Math.min(1, (moment.temperatureF() - 78) / 15));
    }
}
