package ru.esiaedu.consent.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * A consent-request notification, plain text and simple HTML. Deliberately little personal data: the child's
 * first name and class (so a parent with several children knows which one), the client system and the link —
 * no surname, birth date, school or anything else a mistyped address would leak.
 */
public record ConsentRequestEmail(String subject, String textBody, String htmlBody) {

    /** To a parent: the child (first name, class; both optional), the client system, the approval link (optional). */
    public static ConsentRequestEmail forParent(ConsentMailTexts texts, String childFirstName, String className,
                                                String systemName, String linkOrNull) {
        String system = systemName == null || systemName.isBlank() ? "" : systemName.trim();
        String lead;
        if (childFirstName == null || childFirstName.isBlank()) {
            lead = texts.text(ConsentMailTexts.TEXT_UNNAMED, system);
        } else {
            String child = className == null || className.isBlank() ? childFirstName.trim()
                    : texts.text(ConsentMailTexts.CHILD, childFirstName.trim(), className.trim());
            lead = texts.text(ConsentMailTexts.TEXT, child, system);
        }
        return build(texts, texts.text(ConsentMailTexts.SUBJECT), lead,
                texts.text(ConsentMailTexts.ACTION), texts.text(ConsentMailTexts.NO_LINK, system), linkOrNull);
    }

    /** To an adult student who consents for themself. */
    public static ConsentRequestEmail forStudent(ConsentMailTexts texts, String systemName, String linkOrNull) {
        String system = systemName == null || systemName.isBlank() ? "" : systemName.trim();
        return build(texts, texts.text(ConsentMailTexts.SELF_SUBJECT), texts.text(ConsentMailTexts.SELF_TEXT, system),
                texts.text(ConsentMailTexts.SELF_ACTION), texts.text(ConsentMailTexts.SELF_NO_LINK, system), linkOrNull);
    }

    private static ConsentRequestEmail build(ConsentMailTexts texts, String subject, String lead, String action,
                                             String noLink, String link) {
        String greeting = texts.text(ConsentMailTexts.GREETING);
        String ignore = texts.text(ConsentMailTexts.IGNORE);
        String footer = texts.text(ConsentMailTexts.FOOTER);
        boolean hasLink = link != null && !link.isBlank();

        List<String> text = new ArrayList<>();
        text.add(greeting);
        text.add(lead);
        text.add(hasLink ? action + "\n" + link : noLink);
        text.add(ignore + "\n" + footer);

        StringBuilder html = new StringBuilder("<html><body>");
        paragraph(html, greeting);
        paragraph(html, lead);
        if (hasLink) {
            paragraph(html, action);
            html.append("<p><a href=\"").append(escape(link)).append("\">")
                    .append(escape(texts.text(ConsentMailTexts.LINK_LABEL))).append("</a></p>");
        } else {
            paragraph(html, noLink);
        }
        paragraph(html, ignore);
        paragraph(html, footer);
        html.append("</body></html>");
        return new ConsentRequestEmail(subject, String.join("\n\n", text) + "\n", html.toString());
    }

    private static void paragraph(StringBuilder html, String text) {
        html.append("<p>").append(escape(text)).append("</p>");
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Never prints the bodies (they hold the child's first name). */
    @Override
    public String toString() {
        return "ConsentRequestEmail[subject=" + subject + "]";
    }
}
