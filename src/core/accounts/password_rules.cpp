#include "core/accounts/password_rules.hpp"

#include <set>
#include <string>

#include "core/common/assets.hpp"
#include "core/common/messages.hpp"
#include "core/common/text.hpp"

namespace convene {

namespace {

const std::set<std::string, std::less<>>& common_passwords() {
    static const auto list = [] {
        std::set<std::string, std::less<>> out;
        auto text = asset("data/common-passwords.txt").value_or("");
        while (!text.empty()) {
            auto end = text.find('\n');
            auto line = trim(text.substr(0, end));
            text = end == text.npos ? std::string_view{} : text.substr(end + 1);
            if (!line.empty() && line[0] != '#') out.insert(line);
        }
        return out;
    }();
    return list;
}

bool is_letter_or_digit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           static_cast<unsigned char>(c) >= 0x80;
}

// "Password123!" -> "password": lower case, without digits and symbols at either end.
std::string core_word(std::string_view password) {
    auto lower = ascii_lower(password);
    std::size_t b = 0, e = lower.size();
    while (b < e && !(lower[b] >= 'a' && lower[b] <= 'z') &&
           static_cast<unsigned char>(lower[b]) < 0x80)
        ++b;
    while (e > b && !(lower[e - 1] >= 'a' && lower[e - 1] <= 'z') &&
           static_cast<unsigned char>(lower[e - 1]) < 0x80)
        --e;
    return lower.substr(b, e - b);
}

// Only letters and digits, lower case: "Pat.Proposer" -> "patproposer".
std::string letters(std::string_view text) {
    std::string out;
    for (char c : ascii_lower(text))
        if (is_letter_or_digit(c)) out += c;
    return out;
}

// One character repeated, or a run along the alphabet, the digits or a keyboard row.
bool is_sequence(const std::string& lower) {
    if (lower.size() < 2) return true;
    static const std::string_view runs[] = {"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
                                            "01234567890123456789",
                                            "qwertyuiopasdfghjklzxcvbnm",
                                            "qwertzuiopasdfghjklyxcvbnm",
                                            "azertyuiopqsdfghjklmwxcvbn",
                                            "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p"};
    std::set<char> distinct(lower.begin(), lower.end());
    if (distinct.size() <= 2) return true;
    for (auto run : runs) {
        std::string forward(run), backward(run.rbegin(), run.rend());
        if (forward.find(lower) != std::string::npos || backward.find(lower) != std::string::npos)
            return true;
    }
    // The same short block repeated: "abcabcabcabc", "12341234".
    for (std::size_t n = 1; n <= lower.size() / 2; ++n) {
        if (lower.size() % n) continue;
        bool repeated = true;
        for (std::size_t i = n; i < lower.size() && repeated; ++i)
            repeated = lower[i] == lower[i % n];
        if (repeated) return true;
    }
    return false;
}

}  // namespace

std::optional<FieldError> check_password(std::string_view password, std::string_view email,
                                         std::string_view name) {
    if (!is_valid_utf8(password) || count_characters(password) < 10)
        return FieldError{"password", say("password.too_short")};
    if (password.size() > 1000) return FieldError{"password", say("password.too_long")};
    auto lower = ascii_lower(password);
    auto word = core_word(password);
    const auto& common = common_passwords();
    if (common.count(lower) || (!word.empty() && common.count(word)) || is_sequence(lower) ||
        (!word.empty() && is_sequence(word)))
        return FieldError{"password", say("password.common")};
    auto mail = normal_email(email);
    auto local = mail.substr(0, mail.find('@'));
    auto plain = letters(password);
    for (const auto& own : {letters(mail), letters(local), letters(name)})
        if (own.size() >= 3 &&
            (plain == own || letters(word) == own ||
             (plain.find(own) != std::string::npos && plain.size() < own.size() + 4)))
            return FieldError{"password", say("password.personal")};
    return std::nullopt;
}

}  // namespace convene
