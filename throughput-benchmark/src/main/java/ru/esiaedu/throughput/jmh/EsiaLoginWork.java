package ru.esiaedu.throughput.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import ru.esiaedu.esia.api.EsiaPerson;
import ru.esiaedu.esia.api.EsiaPersonParser;
import ru.esiaedu.esia.crypto.LocalKeySigner;

import java.nio.charset.StandardCharsets;

/**
 * Our own work per ESIA login, in process, with the demo GOST key: building the request signer from PEM (done once
 * per key by {@code MaterialCache}; it was twice per login), one request signature (twice per login), parsing
 * the person. Run with throughput-benchmark/run-jmh.sh; median and p99 are JMH's sample-time percentiles, summed per
 * login by {@link OwnTimePerLogin}.
 */
@State(Scope.Benchmark)
public class EsiaLoginWork {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** An ESIA person answer with embedded contacts and documents (the shape of GET /rs/prns/{oid}?embed=…). */
    private static final String PERSON = """
            {"stateFacts":["EntityRoot"],"firstName":"Диана","lastName":"Захарченко","middleName":"Набиевна",
             "birthDate":"14.03.1985","gender":"F","trusted":true,"verifying":false,"snils":"112-233-445 95",
             "citizenship":"RUS","updatedOn":1761134400,"status":"REGISTERED","eTag":"E1",
             "contacts":{"stateFacts":["hasSize"],"size":2,"elements":[
               {"stateFacts":["Identifiable"],"id":14216701,"type":"MBT","vrfStu":"VERIFIED","value":"+7(916)5550101"},
               {"stateFacts":["Identifiable"],"id":14216702,"type":"EML","vrfStu":"VERIFIED","value":"d.zakharchenko@mail.ru"}]},
             "documents":{"stateFacts":["hasSize"],"size":1,"elements":[
               {"stateFacts":["Identifiable"],"id":3571001,"type":"RF_PASSPORT","vrfStu":"VERIFIED","series":"4509",
                "number":"123456","issueDate":"21.03.2005","issueId":"770-112","issuedBy":"ОВД района Коньково"}]}}
            """;

    private String keyPem;
    private String certificatePem;
    private LocalKeySigner signer;
    private byte[] signingString;

    @Setup
    public void setUp() {
        keyPem = Resources.text("demo-keys/client-gost.key.pem");
        certificatePem = Resources.text("demo-keys/client-gost.crt.pem");
        signer = LocalKeySigner.fromPem(keyPem, certificatePem);
        // client_id + scope + scope_org + timestamp + state + redirect_uri, as the v2 authorization signs it
        signingString = ("SCHOOL01openid fullname birthdate gender snils contacts email mobile id_doc"
                + "2026.12.02 07:45:00 +0300" + "7d2f2c1e-2b0f-4bb5-9f3c-6b3d8a1e5c11"
                + "http://localhost:8080/realms/school/broker/esia/endpoint").getBytes(StandardCharsets.UTF_8);
    }

    /** What the provider does at the redirect and again at the callback: PEM parsing, certificate hash, key-pair check. */
    @Benchmark
    public LocalKeySigner signerFromPem() {
        return LocalKeySigner.fromPem(keyPem, certificatePem);
    }

    /** One GOST R 34.10-2012 request signature with a signer already built. */
    @Benchmark
    public String signRequest() throws Exception {
        return signer.signRaw(signingString);
    }

    /** The person answer, from text to the typed person. */
    @Benchmark
    public EsiaPerson parsePerson() throws Exception {
        return EsiaPersonParser.parse("1000300101", JSON.readTree(PERSON));
    }
}
