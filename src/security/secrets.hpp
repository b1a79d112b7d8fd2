#pragma once
// Passwords (argon2id through libsodium) and random tokens (sessions, API, CSRF).
// Only a token's hash is ever stored; the token itself lives in the cookie or script.
#include <string>
#include <string_view>

namespace convene {

// Throws std::runtime_error when libsodium cannot start or runs out of memory.
void init_secrets();

std::string hash_password(std::string_view password);
bool verify_password(std::string_view password, const std::string& stored_hash);

// 32 random bytes as 64 hex characters.
std::string random_token();
// A human-typable random password of 16 characters.
std::string random_password();
// Hex BLAKE2b-256 of a token, as stored in the database.
std::string token_hash(std::string_view token);

// Compares in constant time (CSRF tokens).
bool same_secret(std::string_view a, std::string_view b);

}  // namespace convene
