#!/bin/sh
# The classic deployment's "one certificate to rule them all": one self-signed certificate (RSA 4096, CN=localhost,
# CA:true) that is at once Portus's HTTPS certificate, the key that signs its tokens, the registry's HTTPS certificate
# and the registry's REGISTRY_AUTH_TOKEN_ROOTCERTBUNDLE. Its names: localhost, 127.0.0.1, the compose services
# "portus" and "registry" (they call each other by these names), and every NAME given (the host name clients use).
#
#   deploy/make-certificate.sh [-d DIR] [NAME...]     writes DIR/server-key.pem and DIR/server-crt.pem (DIR: deploy/certs)
#
# The key is made readable by the containers' users (Portus runs as uid 1000): keep DIR on a machine only
# administrators log into. Run it again to replace the pair (then restart every service).
set -eu
dir="$(dirname "$0")/certs"
if [ "${1:-}" = "-d" ]; then
  dir="$2"
  shift 2
fi
san="DNS:localhost,IP:127.0.0.1,DNS:portus,DNS:registry"
for name in "$@"; do
  case "$name" in
    *[!0-9.]*) san="$san,DNS:$name" ;;
    *) san="$san,IP:$name" ;;
  esac
done
mkdir -p "$dir"
openssl req -x509 -nodes -newkey rsa:4096 -sha256 -days 3650 -subj /CN=localhost \
  -addext "subjectAltName=$san" -addext "basicConstraints=critical,CA:true" \
  -addext "keyUsage=critical,digitalSignature,keyEncipherment,keyCertSign" \
  -keyout "$dir/server-key.pem" -out "$dir/server-crt.pem" 2>/dev/null
chmod 644 "$dir/server-key.pem" "$dir/server-crt.pem"
echo "$dir/server-crt.pem: $san"
