#!/usr/bin/env bash
# Checks of certificates and keys for keycloak-esia-edu (docs/ru/certificates.md). Needs OpenSSL 3 with the
# GOST engine (Debian/Ubuntu: libengine-gost-openssl) and, for the truststore check, a JDK's keytool.
#
#   check-certificates.sh cert   FILE.pem              subject, issuer, validity, algorithm, SHA-256 fingerprint,
#                                                      client_certificate_hash; warns 30 days before expiry
#   check-certificates.sh pair   KEY.pem CERT.pem      the private key belongs to the certificate
#   check-certificates.sh bundle BUNDLE.pem            every certificate of a PEM file for truststore-paths,
#                                                      as OpenSSL and as Java (keytool) read them
#   check-certificates.sh chain  CA-BUNDLE.pem CERT.pem   the certificate is issued by the bundle's CAs
#   check-certificates.sh tls    HOST[:PORT] CA-BUNDLE.pem  ESIA's TLS server against the bundle (needs network)
#
# Exit code 0: all fine; 1: the check failed; 2: wrong usage. Messages are in Russian, for the operator.
set -euo pipefail

ENGINE=(-engine gost)
WARN_SECONDS=$((30 * 24 * 3600))

die() { echo "ОШИБКА: $*" >&2; exit 1; }
usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
need_file() { [[ -r "$1" ]] || die "файл не найден или не читается: $1"; }
ossl() { openssl "$@" 2>/dev/null; }

cert() {
    local file=$1
    need_file "$file"
    ossl x509 -in "$file" -noout >/dev/null || die "$file: не сертификат X.509 в PEM"
    ossl x509 -in "$file" -noout -subject -issuer -serial -startdate -enddate -nameopt utf8,sep_comma_plus_space
    ossl x509 "${ENGINE[@]}" -in "$file" -noout -text | grep -m2 -E 'Signature Algorithm|Public Key Algorithm' | sed 's/^ *//'
    ossl x509 -in "$file" -noout -fingerprint -sha256
    local hash
    hash=$(ossl x509 -in "$file" -outform DER | ossl dgst "${ENGINE[@]}" -md_gost12_256 -hex | awk '{print toupper($NF)}')
    echo "client_certificate_hash=$hash"
    if ! ossl x509 -in "$file" -noout -checkend 0 >/dev/null; then
        die "$file: срок действия сертификата истёк"
    fi
    if ! ossl x509 -in "$file" -noout -checkend "$WARN_SECONDS" >/dev/null; then
        echo "ВНИМАНИЕ: срок действия истекает меньше чем через 30 дней"
    fi
    echo "OK: сертификат читается и действует"
}

pair() {
    local key=$1 crt=$2
    need_file "$key"; need_file "$crt"
    local from_key from_cert
    from_key=$(ossl pkey "${ENGINE[@]}" -in "$key" -pubout) || die "$key: закрытый ключ не читается (PKCS#8 PEM без пароля?)"
    from_cert=$(ossl x509 "${ENGINE[@]}" -in "$crt" -noout -pubkey) || die "$crt: не сертификат X.509 в PEM"
    [[ "$from_key" == "$from_cert" ]] || die "ключ $key НЕ соответствует сертификату $crt"
    echo "OK: ключ соответствует сертификату"
}

bundle() {
    local file=$1
    need_file "$file"
    local subjects count
    subjects=$(ossl crl2pkcs7 -nocrl -certfile "$file" | ossl pkcs7 -print_certs -noout | grep '^subject=' || true)
    count=$(grep -c '^subject=' <<<"$subjects" || true)
    [[ "$count" -gt 0 ]] || die "$file: в файле нет ни одного сертификата PEM"
    echo "$subjects"
    if command -v keytool >/dev/null; then
        local java_count
        java_count=$(keytool -printcert -file "$file" 2>/dev/null | grep -c '^Owner:' || true)
        [[ "$java_count" == "$count" ]] || die "$file: Java читает $java_count сертификат(ов) из $count"
    fi
    echo "OK: сертификатов в файле: $count"
}

chain() {
    local cas=$1 crt=$2
    need_file "$cas"; need_file "$crt"
    ossl verify "${ENGINE[@]}" -CAfile "$cas" "$crt" >/dev/null \
        || die "$crt не проверяется цепочкой из $cas (другой УЦ, не хватает промежуточного сертификата или истёк срок)"
    echo "OK: сертификат выдан УЦ из $cas"
}

tls() {
    local target=$1 cas=$2
    [[ "$target" == *:* ]] || target="$target:443"
    need_file "$cas"
    local out
    out=$(openssl s_client "${ENGINE[@]}" -connect "$target" -servername "${target%%:*}" -CAfile "$cas" \
        -verify_return_error </dev/null 2>&1) || die "TLS $target не проверяется по $cas: $(grep -m1 -i 'verify error' <<<"$out" || echo 'нет соединения')"
    grep -q 'Verify return code: 0 (ok)' <<<"$out" || die "TLS $target: цепочка не проверена"
    echo "OK: TLS $target проверяется по $cas"
}

[[ $# -ge 2 ]] || usage
command=$1; shift
case "$command" in
    cert)   [[ $# -eq 1 ]] || usage; cert "$1" ;;
    pair)   [[ $# -eq 2 ]] || usage; pair "$1" "$2" ;;
    bundle) [[ $# -eq 1 ]] || usage; bundle "$1" ;;
    chain)  [[ $# -eq 2 ]] || usage; chain "$1" "$2" ;;
    tls)    [[ $# -eq 2 ]] || usage; tls "$1" "$2" ;;
    *) usage ;;
esac
