#include "http/form.hpp"

#include "core/common/json_input.hpp"
#include "core/common/text.hpp"
#include "http/error.hpp"

namespace convene::http {

const std::string& Form::get(std::string_view name) const {
    static const std::string empty;
    auto it = values_.find(name);
    return it == values_.end() ? empty : it->second;
}

std::vector<std::string> Form::all(std::string_view name) const {
    std::vector<std::string> out;
    auto [b, e] = values_.equal_range(name);
    for (auto it = b; it != e; ++it) out.push_back(it->second);
    return out;
}

bool Form::has(std::string_view name) const {
    return values_.find(name) != values_.end();
}

namespace {

void check_utf8(const std::string& name, const std::string& value) {
    if (!is_valid_utf8(name)) throw bad_request("A field name is not valid UTF-8 text.");
    if (!is_valid_utf8(value))
        throw bad_request("The field '" + name + "' is not valid UTF-8 text.",
                          {{name, "This field is not valid UTF-8 text."}});
}

std::string_view header_param(std::string_view header, std::string_view param) {
    // The parameter itself, not one whose name ends with it ("name" in "filename=").
    const std::string key = std::string(param) + "=";
    auto at = header.find(key);
    while (at != header.npos && at > 0 && header[at - 1] != ';' && header[at - 1] != ' ' &&
           header[at - 1] != '\t')
        at = header.find(key, at + 1);
    if (at == header.npos) return {};
    auto value = header.substr(at + param.size() + 1);
    if (!value.empty() && value.front() == '"') {
        value.remove_prefix(1);
        return value.substr(0, value.find('"'));
    }
    return value.substr(0, value.find(';'));
}

}  // namespace

Form parse_urlencoded(std::string_view body) {
    Form form;
    while (!body.empty()) {
        auto end = body.find('&');
        auto pair = body.substr(0, end);
        body = end == body.npos ? std::string_view{} : body.substr(end + 1);
        if (pair.empty()) continue;
        auto eq = pair.find('=');
        auto name = percent_decode(pair.substr(0, eq), true);
        auto value = eq == pair.npos ? std::string() : percent_decode(pair.substr(eq + 1), true);
        check_utf8(name, value);
        form.add(std::move(name), std::move(value));
    }
    return form;
}

Form parse_multipart(std::string_view body, std::string_view boundary) {
    if (boundary.empty() || boundary.size() > 200)
        throw bad_request("The multipart form has no valid boundary.");
    Form form;
    const std::string delimiter = "--" + std::string(boundary);
    auto at = body.find(delimiter);
    if (at == body.npos) throw bad_request("The multipart form is malformed: no boundary found.");
    while (true) {
        at += delimiter.size();
        if (body.substr(at, 2) == "--") break;  // closing delimiter
        if (body.substr(at, 2) != "\r\n") throw bad_request("The multipart form is malformed.");
        at += 2;
        auto head_end = body.find("\r\n\r\n", at);
        if (head_end == body.npos) throw bad_request("The multipart form is malformed.");
        auto head = body.substr(at, head_end - at);
        auto next = body.find("\r\n" + delimiter, head_end + 4);
        if (next == body.npos) throw bad_request("The multipart form ends too early.");
        std::string content(body.substr(head_end + 4, next - head_end - 4));
        std::string name, filename, type;
        while (!head.empty()) {
            auto eol = head.find("\r\n");
            auto line = head.substr(0, eol);
            head = eol == head.npos ? std::string_view{} : head.substr(eol + 2);
            auto lower = ascii_lower(line.substr(0, line.find(':')));
            if (lower == "content-disposition") {
                name = header_param(line, "name");
                filename = header_param(line, "filename");
            } else if (lower == "content-type") {
                type = trim(line.substr(line.find(':') + 1));
            }
        }
        if (name.empty()) throw bad_request("A multipart form part has no field name.");
        if (!filename.empty()) {
            form.files.push_back({name, filename, type, std::move(content)});
        } else {
            check_utf8(name, content);
            form.add(name, std::move(content));
        }
        at = next + 2;
    }
    return form;
}

Form parse_form(const Request& request) {
    auto type = ascii_lower(request.header("content-type"));
    if (type.rfind("application/x-www-form-urlencoded", 0) == 0 ||
        (type.empty() && request.body.empty()))
        return parse_urlencoded(request.body);
    if (type.rfind("multipart/form-data", 0) == 0)
        return parse_multipart(request.body,
                               header_param(request.header("content-type"), "boundary"));
    if (type.rfind("application/json", 0) == 0) {
        auto json = parse_json_body(request);
        if (!json.is_object()) throw bad_request("The JSON body must be an object.");
        Form form;
        for (auto& [k, v] : json.items()) {
            if (v.is_string())
                form.add(k, v.get<std::string>());
            else if (v.is_boolean())
                form.add(k, v.get<bool>() ? "1" : "");
            else if (v.is_number())
                form.add(k, v.dump());
            else if (!v.is_null())
                throw bad_request("The member '" + k + "' must be a string, number or boolean.",
                                  {{k, "Must be a string, number or boolean."}});
        }
        return form;
    }
    throw Error(415, "Unsupported media type",
                "Send the form as application/x-www-form-urlencoded, multipart/form-data or "
                "application/json.");
}

nlohmann::json parse_json_body(const Request& request) {
    auto type = ascii_lower(request.header("content-type"));
    bool json_type = type.rfind("application/json", 0) == 0 ||
                     (type.rfind("application/", 0) == 0 && type.find("+json") != type.npos);
    if (!json_type && !(type.empty() && request.body.empty()))
        throw Error(415, "Unsupported media type",
                    "Send the body as application/json (with a Content-Type header saying so).");
    try {
        return parse_json_input(request.body);
    } catch (const JsonInputError& e) {
        if (e.malformed()) throw bad_request(std::string(e.what()).replace(0, 8, "The JSON body"));
        if (e.field().empty()) throw bad_request(e.what());
        throw unprocessable({{e.field(), std::string(e.what())}});
    }
}

}  // namespace convene::http
