package ru.esiaedu.emulator;

/** The page shell shared by the login and the personal-account pages: ESIA header, one stylesheet, escaping. */
final class Html {
    private static final String STYLE = """
            body{margin:0;font-family:Arial,Helvetica,sans-serif;background:#f5f7fa;color:#0b1f33}
            header{background:#fff;border-bottom:1px solid #e1e6ee;padding:12px 16px;font-weight:bold;font-size:22px;color:#0d4cd3}
            header small{display:block;font-weight:normal;font-size:12px;color:#66727f}
            main{max-width:420px;margin:16px auto;background:#fff;border-radius:8px;padding:20px;box-shadow:0 1px 4px rgba(0,0,0,.08)}
            main.wide{max-width:640px}
            h1{font-size:24px;margin:0 0 4px} .client{color:#66727f;margin:0 0 16px}
            label{display:block;margin:12px 0 4px;font-size:14px}
            input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:10px;font-size:16px;border:1px solid #b0bac6;border-radius:6px}
            button{width:100%;padding:12px;margin-top:12px;font-size:16px;border-radius:6px;border:0;background:#0d4cd3;color:#fff;cursor:pointer}
            button.secondary{background:#e9eef5;color:#0d4cd3}
            .error{background:#fde8e8;color:#b00020;padding:10px;border-radius:6px;margin:8px 0}
            .persons button{text-align:left;background:#fff;color:#0b1f33;border:1px solid #d0d7e0;margin-top:6px;font-size:14px}
            .persons small{color:#66727f} ul{padding-left:20px} h2{font-size:16px;margin-top:24px}
            a{color:#0d4cd3} .back{display:inline-block;margin-bottom:12px;font-size:14px}
            .flash{background:#e6f4ea;color:#1e6b34;padding:10px;border-radius:6px;margin:8px 0}
            nav.tabs{display:flex;gap:20px;border-bottom:1px solid #e1e6ee;margin:12px 0 8px}
            nav.tabs a,nav.tabs span{padding:8px 0;color:#66727f;text-decoration:none}
            nav.tabs .active{color:#0b1f33;font-weight:bold;border-bottom:2px solid #0d4cd3}
            .card{border:1px solid #e1e6ee;border-radius:8px;padding:12px 14px;margin:12px 0}
            .card h3{font-size:16px;margin:0 0 6px} .meta{color:#66727f;font-size:13px;margin:4px 0}
            .actions{display:flex;gap:8px;flex-wrap:wrap} .actions form{flex:1 1 140px}
            ul.links{list-style:none;padding:0;margin:16px 0} ul.links li{border-bottom:1px solid #e1e6ee}
            ul.links a{display:block;padding:14px 0;text-decoration:none;font-size:17px}
            .muted{color:#66727f} dl{margin:8px 0} dt{color:#66727f;font-size:13px;margin-top:12px} dd{margin:2px 0 0}
            """;

    private Html() {
    }

    /** A whole page; {@code wide} for the personal-account pages (lists), narrow for the login forms. */
    static String page(String title, String body, boolean wide) {
        return "<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + "</title><style>" + STYLE + "</style></head><body>"
                + "<header>госуслуги<small>Единая система идентификации и аутентификации (эмулятор)</small></header>"
                + "<main" + (wide ? " class=\"wide\"" : "") + ">" + body + "</main></body></html>";
    }

    static String page(String title, String body) {
        return page(title, body, false);
    }

    static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + esc(name) + "\" value=\"" + esc(value) + "\">";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
