#include "mail/smtp.hpp"

#include <curl/curl.h>
#include <sodium.h>

#include <cstring>
#include <memory>
#include <stdexcept>

namespace convene::mail {

namespace {

std::string one_line(std::string value) {
    for (auto& c : value)
        if (c == '\r' || c == '\n') c = ' ';
    return value;
}

std::string encoded_header(const std::string& value) {
    bool ascii = true;
    for (unsigned char c : value)
        if (c >= 0x80) ascii = false;
    if (ascii) return value;
    std::string out(sodium_base64_encoded_len(value.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(value.data()),
                      value.size(), sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return "=?UTF-8?B?" + out + "?=";
}

std::string rfc5322_date(std::chrono::system_clock::time_point t) {
    static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    auto seconds = std::chrono::floor<std::chrono::seconds>(t);
    auto day = std::chrono::floor<std::chrono::days>(seconds);
    std::chrono::year_month_day ymd{day};
    std::chrono::weekday wd{day};
    std::chrono::hh_mm_ss hms{seconds - day};
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s, %02u %s %04d %02ld:%02ld:%02lld +0000",
                  days[wd.c_encoding()], unsigned(ymd.day()), months[unsigned(ymd.month()) - 1],
                  int(ymd.year()), long(hms.hours().count()), long(hms.minutes().count()),
                  static_cast<long long>(hms.seconds().count()));
    return buf;
}

struct Upload {
    const std::string& text;
    std::size_t at = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* upload = static_cast<Upload*>(user);
    std::size_t n = std::min(size * count, upload->text.size() - upload->at);
    std::memcpy(buffer, upload->text.data() + upload->at, n);
    upload->at += n;
    return n;
}

}  // namespace

std::string compose(const Message& m) {
    std::string out;
    out += "Date: " + rfc5322_date(m.date) + "\r\n";
    out += "From: " + one_line(m.from) + "\r\n";
    out += "To: " + one_line(m.to) + "\r\n";
    out += "Subject: " + encoded_header(one_line(m.subject)) + "\r\n";
    out += "Message-ID: <" + one_line(m.message_id) + ">\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: 8bit\r\n\r\n";
    for (char c : m.body) {
        if (c == '\r') continue;
        if (c == '\n')
            out += "\r\n";
        else
            out += c;
    }
    if (out.size() < 2 || out.compare(out.size() - 2, 2, "\r\n") != 0) out += "\r\n";
    return out;
}

void send(const SmtpSettings& settings, const Message& message) {
    static const bool initialised = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
    if (!initialised) throw std::runtime_error("libcurl could not start");
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl) throw std::runtime_error("libcurl could not start");
    auto text = compose(message);
    Upload upload{text};
    curl_slist* recipients = curl_slist_append(nullptr, ("<" + one_line(message.to) + ">").c_str());
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> guard(recipients,
                                                                      curl_slist_free_all);
    auto from = "<" + one_line(settings.from) + ">";
    char error[CURL_ERROR_SIZE] = {0};
    CURL* h = curl.get();
    curl_easy_setopt(h, CURLOPT_URL, settings.url.c_str());
    curl_easy_setopt(h, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(h, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(h, CURLOPT_READFUNCTION, read_upload);
    curl_easy_setopt(h, CURLOPT_READDATA, &upload);
    curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, static_cast<long>(settings.timeout.count()));
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 10L);
    if (!settings.username.empty()) {
        curl_easy_setopt(h, CURLOPT_USERNAME, settings.username.c_str());
        curl_easy_setopt(h, CURLOPT_PASSWORD, settings.password.c_str());
        curl_easy_setopt(h, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
    }
    auto result = curl_easy_perform(h);
    if (result != CURLE_OK) throw std::runtime_error(error[0] ? error : curl_easy_strerror(result));
}

}  // namespace convene::mail
