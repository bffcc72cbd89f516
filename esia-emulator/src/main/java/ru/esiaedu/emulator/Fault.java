package ru.esiaedu.emulator;

/**
 * One-shot failures the emulator can inject into its next matching request, so tests and the demo
 * can show how the client copes with a misbehaving ESIA.
 */
public enum Fault {
    /** Token endpoint answers only after a long pause (see {@link EmulatorOptions#slowFaultDelay}). */
    TOKEN_SLOW(Target.TOKEN),
    /** Token endpoint answers HTTP 500 with an HTML page, as a failing front proxy would. */
    TOKEN_500(Target.TOKEN),
    /** Token endpoint answers 200 with a body that is not JSON. */
    TOKEN_GARBAGE(Target.TOKEN),
    /** Tokens are signed with a throw-away key instead of the emulator's published one. */
    TOKEN_FORGED_SIGNATURE(Target.TOKEN),
    /** Tokens are issued already expired. */
    TOKEN_EXPIRED(Target.TOKEN),
    /** Tokens carry a foreign {@code iss}. */
    TOKEN_WRONG_ISSUER(Target.TOKEN),
    /** Token endpoint drops the connection without an answer (ESIA unreachable at the code exchange). */
    TOKEN_DOWN(Target.TOKEN),
    /** Token endpoint answers 200 with its JSON cut off in the middle. */
    TOKEN_TRUNCATED(Target.TOKEN),
    /** Token endpoint answers 200 with a JSON body of {@link Responses#HUGE_BODY_BYTES} bytes, streamed. */
    TOKEN_HUGE(Target.TOKEN),
    /** Tokens are issued to another client system ({@code client_id} and {@code aud} = {@code OTHER01}). */
    TOKEN_WRONG_AUDIENCE(Target.TOKEN),
    /** The access token carries no {@code urn:esia:sbj_id}. */
    TOKEN_NO_SUBJECT(Target.TOKEN),
    /** Person API answers HTTP 500. */
    PERSON_500(Target.PERSON),
    /** Person API answers only after a long pause. */
    PERSON_SLOW(Target.PERSON),
    /** Person API answers 200 with a body that is not JSON. */
    PERSON_GARBAGE(Target.PERSON),
    /** Person API answers 200 with its JSON cut off in the middle. */
    PERSON_TRUNCATED(Target.PERSON),
    /** Person API answers 200 with a JSON body of {@link Responses#HUGE_BODY_BYTES} bytes, streamed. */
    PERSON_HUGE(Target.PERSON),
    /** Consent API ({@code /consent/v1/…}) answers HTTP 500 with an HTML page. */
    CONSENT_500(Target.CONSENT),
    /** Consent API answers only after a long pause (see {@link EmulatorOptions#slowFaultDelay}). */
    CONSENT_SLOW(Target.CONSENT),
    /** Consent API answers 200 with a body that is not JSON. */
    CONSENT_GARBAGE(Target.CONSENT),
    /** The next request of any kind has its connection closed without an answer. */
    DOWN(Target.ANY);

    /** Which requests a fault applies to. */
    public enum Target { TOKEN, PERSON, CONSENT, ANY }

    private final Target target;

    Fault(Target target) {
        this.target = target;
    }

    public Target target() {
        return target;
    }
}
