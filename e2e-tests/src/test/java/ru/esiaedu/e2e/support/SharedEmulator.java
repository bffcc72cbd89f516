package ru.esiaedu.e2e.support;

import ru.esiaedu.emulator.EmulatorOptions;
import ru.esiaedu.emulator.EsiaEmulator;

/** One ESIA emulator per test run, in the test JVM, on a free port; stopped by a shutdown hook. */
public final class SharedEmulator {

    private static EsiaEmulator instance;

    private SharedEmulator() {
    }

    public static synchronized EsiaEmulator get() {
        if (instance == null) {
            instance = EsiaEmulator.start(EmulatorOptions.defaults().port(0));
            E2e.progress("ESIA emulator at %s", instance.baseUrl());
            EsiaEmulator started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "esia-emulator-stop"));
        }
        return instance;
    }
}
