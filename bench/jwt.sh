# Sourced by the benchmark scripts. The packaged (production) service verifies bearer tokens with the public key
# at JWT_PUBLIC_KEY_LOCATION; benchmarks make a throw-away RSA key pair and mint their own tokens with it.
# Needs openssl and python3 (both on these machines).

jwt_keys() { # DIR: writes DIR/jwt-private.pem and DIR/jwt-public.pem
  mkdir -p "$1"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1/jwt-private.pem" 2>/dev/null
  openssl pkey -in "$1/jwt-private.pem" -pubout -out "$1/jwt-public.pem"
  JWT_PRIVATE_KEY="$1/jwt-private.pem"
  export JWT_PUBLIC_KEY_LOCATION="$1/jwt-public.pem"
}

jwt_mint() { # ROLE [EXTRA_CLAIMS_JSON]: prints a token signed with JWT_PRIVATE_KEY, valid one hour
  python3 - "$1" "${2:-{\}}" "$JWT_PRIVATE_KEY" <<'PY'
import base64, json, subprocess, sys, time
role, extra, key = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3]
b64 = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=").decode()
now = int(time.time())
claims = {"iss": "https://rd-coverage.liaocheng", "aud": "rd-coverage", "sub": "bench-" + role.lower(),
          "upn": "bench-" + role.lower(), "groups": [role], "iat": now, "exp": now + 3600}
claims.update(extra)
signing_input = b64(json.dumps({"alg": "RS256", "typ": "JWT"}).encode()) + "." + b64(json.dumps(claims).encode())
sig = subprocess.run(["openssl", "dgst", "-sha256", "-sign", key], input=signing_input.encode(),
                     capture_output=True, check=True).stdout
print(signing_input + "." + b64(sig))
PY
}
