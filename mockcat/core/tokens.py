"""Access tokens: RS256 JWTs as PingFederate issues them (contract §2)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey, RSAPublicKey
from jwt.algorithms import RSAAlgorithm

from mockcat.core.errors import InvalidAccessToken

LEAD_API_SCOPE = "manage:all"
_CACHE_SIZE = 4096


@dataclass(frozen=True, slots=True)
class Claims:
    client_id: str
    dealer_code: str
    scopes: frozenset[str]
    expires_at: int  # seconds since the epoch


class TokenSigner:
    """Signs and checks tokens with one RSA key."""

    def __init__(self, kid: str, private_pem: str, issuer: str) -> None:
        key = serialization.load_pem_private_key(private_pem.encode(), password=None)
        assert isinstance(key, RSAPrivateKey)
        self.kid = kid
        self.issuer = issuer
        self._private = key
        self._public: RSAPublicKey = key.public_key()
        # Checking a signature costs more than the rest of a request; a token
        # seen before is looked up instead. Expiry is still checked every time.
        self._verified: dict[str, Claims] = {}

    def issue(
        self, *, client_id: str, dealer_code: str, scope: str, now: int, lifetime: int
    ) -> str:
        claims = {
            "iss": self.issuer,
            "sub": client_id,
            "client_id": client_id,
            "catDealerCode": dealer_code,
            "scope": scope,
            "iat": now,
            "exp": now + lifetime,
            "jti": uuid.uuid4().hex,
        }
        return jwt.encode(
            claims, self._private, algorithm="RS256", headers={"kid": self.kid}
        )

    def verify(self, token: str, *, now: int) -> Claims:
        """The token's claims, or InvalidAccessToken; ``now`` is the sim clock."""
        claims = self._verified.get(token)
        if claims is None:
            claims = self._decode(token)
            if len(self._verified) >= _CACHE_SIZE:
                self._verified.clear()
            self._verified[token] = claims
        if now >= claims.expires_at:
            raise InvalidAccessToken()
        return claims

    def _decode(self, token: str) -> Claims:
        try:
            if jwt.get_unverified_header(token).get("kid") != self.kid:
                raise InvalidAccessToken()
            # Expiry is judged against the simulator's clock, not the wall clock.
            data = jwt.decode(
                token,
                self._public,
                algorithms=["RS256"],
                issuer=self.issuer,
                options={
                    "verify_exp": False,
                    "verify_iat": False,
                    "require": ["exp", "sub", "scope", "catDealerCode"],
                },
            )
        except jwt.PyJWTError:
            raise InvalidAccessToken() from None
        return Claims(
            client_id=str(data["sub"]),
            dealer_code=str(data["catDealerCode"]),
            scopes=frozenset(str(data["scope"]).split()),
            expires_at=int(data["exp"]),
        )

    def jwks(self) -> dict[str, Any]:
        jwk: dict[str, Any] = RSAAlgorithm.to_jwk(self._public, as_dict=True)
        jwk.update({"kid": self.kid, "use": "sig", "alg": "RS256"})
        return {"keys": [jwk]}
