#!/usr/bin/env bash
# Regenerates tests/data/crypto: a small PKI (root -> intermediate -> leaf), keys in every PEM
# format the crypto builtins read, and a CSR. The files are committed; run this only to
# replace them (the tests pin times inside the validity windows below).
set -euo pipefail
out="${1:-tests/data/crypto}"
mkdir -p "$out"
cd "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat > "$tmp/ext.cnf" <<'CNF'
[root]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[intermediate]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[leaf]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:www.example.com, DNS:example.com, IP:10.0.0.1, IP:2001:db8::1, URI:spiffe://example.com/opa, email:ops@example.com
certificatePolicies = 2.23.140.1.2.1
crlDistributionPoints = URI:http://crl.example.com/ca.crl
authorityInfoAccess = OCSP;URI:http://ocsp.example.com, caIssuers;URI:http://ca.example.com/ca.crt
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[codesign]
basicConstraints = CA:FALSE
extendedKeyUsage = codeSigning
subjectAltName = DNS:signer.example.com
CNF

openssl ecparam -name prime256v1 -genkey -noout -out root.key
openssl req -x509 -new -key root.key -sha256 -days 36500 -subj "/C=US/O=Golden Test/CN=Golden Test Root" \
  -set_serial 1 -extensions root -config <(cat /etc/ssl/openssl.cnf "$tmp/ext.cnf") -out root.pem 2>/dev/null
openssl ecparam -name prime256v1 -genkey -noout -out intermediate.key
openssl req -new -key intermediate.key -subj "/C=US/O=Golden Test/CN=Golden Test Intermediate" -out "$tmp/i.csr"
openssl x509 -req -in "$tmp/i.csr" -CA root.pem -CAkey root.key -set_serial 2 -days 36000 -sha256 \
  -extfile "$tmp/ext.cnf" -extensions intermediate -out intermediate.pem 2>/dev/null
openssl genrsa -traditional -out leaf_rsa_pkcs1.key 2048 2>/dev/null
openssl pkcs8 -topk8 -nocrypt -in leaf_rsa_pkcs1.key -out leaf_rsa_pkcs8.key
openssl req -new -key leaf_rsa_pkcs1.key -subj "/C=US/ST=California/L=Mountain View/O=Golden Test/OU=Policy/CN=www.example.com" \
  -addext "subjectAltName = DNS:www.example.com, IP:10.0.0.1" -out leaf.csr
openssl x509 -req -in leaf.csr -CA intermediate.pem -CAkey intermediate.key -set_serial 0x0123456789abcdef01 \
  -days 30000 -sha256 -extfile "$tmp/ext.cnf" -extensions leaf -out leaf.pem 2>/dev/null
openssl x509 -req -in leaf.csr -CA intermediate.pem -CAkey intermediate.key -set_serial 4 \
  -days 30000 -sha256 -extfile "$tmp/ext.cnf" -extensions codesign -out codesign.pem 2>/dev/null
openssl x509 -req -in leaf.csr -CA intermediate.pem -CAkey intermediate.key -set_serial 5 \
  -days 30000 -sha1 -extfile "$tmp/ext.cnf" -extensions leaf -out leaf_sha1.pem 2>/dev/null
openssl ecparam -name secp384r1 -genkey -noout -out ec_sec1.key
openssl pkcs8 -topk8 -nocrypt -in ec_sec1.key -out ec_pkcs8.key
openssl genpkey -algorithm ed25519 -out ed25519.key
openssl pkey -in ed25519.key -pubout -out ed25519.pub
openssl pkey -in leaf_rsa_pkcs1.key -pubout -out leaf_rsa.pub
cat leaf.pem intermediate.pem root.pem > chain_leaf_first.pem
cat root.pem intermediate.pem leaf.pem > chain_root_first.pem
