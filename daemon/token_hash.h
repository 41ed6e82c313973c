// sha256Hex: how a bearer token is turned into the `token_sha256` kept in relaisd's config.
// Header-only so relaisctl can issue tokens without linking the daemon's library.
#pragma once

#include <openssl/evp.h>

#include <array>
#include <string>
#include <string_view>

namespace relais::daemon {

// Lowercase hex SHA-256 of `data`.
inline std::string sha256Hex(std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  EVP_Digest(data.data(), data.size(), digest.data(), &size, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(size * 2);
  for (unsigned int i = 0; i < size; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xf];
  }
  return hex;
}

}  // namespace relais::daemon
