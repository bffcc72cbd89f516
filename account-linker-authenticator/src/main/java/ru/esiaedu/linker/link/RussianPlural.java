package ru.esiaedu.linker.link;

/** «1 минуту», «2 минуты», «5 минут», «21 минуту», «11 минут» — for «Повторите через N минут». */
public final class RussianPlural {

    private RussianPlural() {
    }

    /** The accusative form of «минута» after the number {@code n}. */
    public static String minutes(long n) {
        long lastTwo = Math.abs(n) % 100;
        long last = lastTwo % 10;
        if (lastTwo >= 11 && lastTwo <= 14) {
            return "минут";
        }
        if (last == 1) {
            return "минуту";
        }
        if (last >= 2 && last <= 4) {
            return "минуты";
        }
        return "минут";
    }
}
