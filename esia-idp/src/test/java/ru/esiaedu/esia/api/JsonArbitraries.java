package ru.esiaedu.esia.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * JSON for the parser properties: arbitrary trees whose keys are mostly the field names ESIA uses (so the parsers
 * get past the first lookup), and valid samples mutated in place (a value replaced by one of another type, a field
 * dropped, an element added).
 */
public final class JsonArbitraries {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Field names of ESIA's person, contact, document, kid, collection and token answers, and JWT claims. */
    public static final List<String> KEYS = List.of("firstName", "lastName", "middleName", "birthDate", "gender",
            "snils", "citizenship", "trusted", "status", "contacts", "documents", "addresses", "elements", "size",
            "id", "oid", "type", "value", "vrfStu", "series", "number", "issueDate", "issuedBy", "issueId", "actNo",
            "actDate", "access_token", "id_token", "refresh_token", "state", "token_type", "expires_in", "error",
            "error_description", "code", "message", "iss", "aud", "client_id", "exp", "nbf", "iat", "sub",
            "urn:esia:sbj_id", "urn:esia:sbj", "urn:esia:sbj:oid", "urn:esia:sbj:lvl", "scope", "alg", "crit");

    private JsonArbitraries() {
    }

    public static Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20),
                Arbitraries.of("", " ", "M", "F", "m", "VERIFIED", "NOT_VERIFIED", "REGISTERED", "DELETED", "RF_PASSPORT",
                        "RF_BRTH_CERT", "EML", "MBT", "31.12.2010", "29.02.2011", "01.01.0000", "1.1.2010",
                        "2010-12-31", "http://127.0.0.1/rs/prns/1/ctts/2", "ESIA-007011", "ESIA-036700",
                        "access_denied", "\u0000", "\uD800", "9".repeat(25)),
                Arbitraries.strings().withChars("0123456789.-: ").ofMaxLength(12));
    }

    public static Arbitrary<JsonNode> leaves() {
        return Arbitraries.oneOf(
                texts().map(F::textNode),
                Arbitraries.integers().map(i -> (JsonNode) F.numberNode(i)),
                Arbitraries.longs().map(l -> (JsonNode) F.numberNode(l)),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                        .map(b -> (JsonNode) F.numberNode(b)),
                Arbitraries.doubles().map(d -> (JsonNode) F.numberNode(d)),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, 1e300).map(d -> (JsonNode) F.numberNode(d)),
                Arbitraries.bigDecimals().map(d -> (JsonNode) F.numberNode(d)),
                Arbitraries.of(BigDecimal.valueOf(1e20)).map(d -> (JsonNode) F.numberNode(d)),
                Arbitraries.of(true, false).map(b -> (JsonNode) F.booleanNode(b)),
                Arbitraries.just((JsonNode) F.nullNode()));
    }

    public static Arbitrary<String> keys() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of(KEYS)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(8)));
    }

    /** Any JSON value, nested up to three levels. */
    public static Arbitrary<JsonNode> values() {
        return Arbitraries.recursive(JsonArbitraries::leaves, JsonArbitraries::containersOf, 0, 3);
    }

    /** Any JSON value, nested one level at most (what a mutation puts in). */
    public static Arbitrary<JsonNode> smallValues() {
        return Arbitraries.recursive(JsonArbitraries::leaves, JsonArbitraries::containersOf, 0, 1);
    }

    /** Any JSON object, nested up to three levels. */
    public static Arbitrary<JsonNode> objects() {
        return objectsOf(values());
    }

    private static Arbitrary<JsonNode> containersOf(Arbitrary<JsonNode> inner) {
        return Arbitraries.oneOf(inner, objectsOf(inner),
                inner.list().ofMaxSize(4).map(items -> {
                    ArrayNode array = F.arrayNode();
                    items.forEach(array::add);
                    return array;
                }));
    }

    private static Arbitrary<JsonNode> objectsOf(Arbitrary<JsonNode> inner) {
        return Combinators.combine(keys(), inner).as(java.util.Map::entry).list().ofMaxSize(4).map(entries -> {
            ObjectNode object = F.objectNode();
            entries.forEach(e -> object.set(e.getKey(), e.getValue()));
            return object;
        });
    }

    /** One change to a JSON tree: at the {@code where}-th container, replace, drop or add a value. */
    public record Mutation(int where, int which, int op, String key, JsonNode value) {
    }

    public static Arbitrary<List<Mutation>> mutations() {
        return Combinators.combine(Arbitraries.integers().greaterOrEqual(0), Arbitraries.integers().greaterOrEqual(0),
                Arbitraries.integers().between(0, 2), keys(), smallValues()).as(Mutation::new).list().ofMinSize(1)
                .ofMaxSize(3);
    }

    /** A deep copy of {@code original} with the mutations applied. */
    public static JsonNode mutate(JsonNode original, List<Mutation> mutations) {
        JsonNode copy = original.deepCopy();
        for (Mutation m : mutations) {
            List<ContainerNode<?>> containers = new ArrayList<>();
            collect(copy, containers);
            ContainerNode<?> target = containers.get(m.where() % containers.size());
            if (target instanceof ObjectNode object) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                String name = names.isEmpty() || m.op() == 2 ? m.key() : names.get(m.which() % names.size());
                if (m.op() == 1) {
                    object.remove(name);
                } else {
                    object.set(name, m.value());
                }
            } else if (target instanceof ArrayNode array) {
                if (array.isEmpty() || m.op() == 2) {
                    array.add(m.value());
                } else if (m.op() == 1) {
                    array.remove(m.which() % array.size());
                } else {
                    array.set(m.which() % array.size(), m.value());
                }
            }
        }
        return copy;
    }

    private static void collect(JsonNode node, List<ContainerNode<?>> out) {
        if (node instanceof ContainerNode<?> container) {
            out.add(container);
            node.elements().forEachRemaining(child -> collect(child, out));
        }
    }
}
