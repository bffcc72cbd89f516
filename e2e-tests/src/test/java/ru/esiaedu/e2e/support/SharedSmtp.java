package ru.esiaedu.e2e.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** One real SMTP server (GreenMail) per test run on a free port; Keycloak's e-mails land here. */
public final class SharedSmtp {

    private static GreenMail instance;

    private SharedSmtp() {
    }

    public static synchronized GreenMail get() {
        if (instance == null) {
            instance = new GreenMail(new ServerSetup(E2e.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            instance.start();
            E2e.progress("SMTP server (GreenMail) on port %d", instance.getSmtp().getPort());
            GreenMail started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "smtp-stop"));
        }
        return instance;
    }

    public static int port() {
        return get().getSmtp().getPort();
    }
}
