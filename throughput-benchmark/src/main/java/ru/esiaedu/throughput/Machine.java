package ru.esiaedu.throughput;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the figures were measured. */
final class Machine {
    private Machine() {
    }

    static ObjectNode describe(ObjectMapper json) {
        ObjectNode m = json.createObjectNode();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        try {
            Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .ifPresent(l -> m.put("cpu", l.substring(l.indexOf(':') + 1).strip()));
            Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal")).findFirst()
                    .ifPresent(l -> m.put("memory", l.substring(l.indexOf(':') + 1).strip()));
            m.put("loadAverage", Files.readString(Path.of("/proc/loadavg")).strip());
        } catch (IOException e) {
            // not Linux: the cores and the JVM are enough
        }
        return m;
    }
}
