package ru.esiaedu.linker.link;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import ru.esiaedu.registry.Organisation;

/**
 * The organisation search of «Привязать учётную запись» without JavaScript (the page's script does the same in the
 * browser): every word of the query must begin a word of the organisation's name or municipality, and a number
 * must equal a number there — «гимн 5» finds «Гимназия № 5», «5» does not find «Лицей № 15». Case, «ё»/«е» and
 * punctuation («№», quotes, dots) do not matter.
 */
public final class OrganisationSearch {

    /** The longest query looked at; the rest is ignored. */
    static final int MAX_QUERY = 100;

    private OrganisationSearch() {
    }

    /** The organisations the query finds, in the given order; a blank query finds all. */
    public static List<Organisation> filter(List<Organisation> organisations, String query) {
        List<String> wanted = words(query == null ? "" : query.length() > MAX_QUERY ? query.substring(0, MAX_QUERY) : query);
        if (wanted.isEmpty()) {
            return organisations;
        }
        List<Organisation> found = new ArrayList<>();
        for (Organisation organisation : organisations) {
            if (matches(words(organisation.name() + " " + (organisation.municipality() == null ? "" : organisation.municipality())), wanted)) {
                found.add(organisation);
            }
        }
        return found;
    }

    static boolean matches(List<String> text, List<String> wanted) {
        for (String word : wanted) {
            boolean number = Character.isDigit(word.charAt(0));
            boolean hit = text.stream().anyMatch(t -> number ? t.equals(word) : t.startsWith(word));
            if (!hit) {
                return false;
            }
        }
        return true;
    }

    /** Lower case, «ё» as «е», split into runs of letters and runs of digits. */
    static List<String> words(String text) {
        String normalised = text.toLowerCase(Locale.ROOT).replace('ё', 'е')
                .replaceAll("(?<=\\p{L})(?=\\d)|(?<=\\d)(?=\\p{L})", " ")
                .replaceAll("[^\\p{L}\\d]+", " ").trim();
        return normalised.isEmpty() ? List.of() : Arrays.asList(normalised.split(" "));
    }
}
