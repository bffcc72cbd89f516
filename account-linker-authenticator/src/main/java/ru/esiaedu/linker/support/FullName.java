package ru.esiaedu.linker.support;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** «Фамилия Имя Отчество» as ESIA or Keycloak give the parts; missing parts left out; null when there is none. */
public final class FullName {

    /** The column the registry keeps it in. */
    static final int MAX_LENGTH = 300;

    private FullName() {
    }

    public static String of(String lastName, String firstName, String middleName) {
        String name = Stream.of(lastName, firstName, middleName).filter(Objects::nonNull).map(String::strip)
                .filter(part -> !part.isEmpty()).collect(Collectors.joining(" "));
        if (name.isEmpty()) {
            return null;
        }
        return name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH) : name;
    }
}
