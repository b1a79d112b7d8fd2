#include "core/demo/demo_captions.hpp"

#include <array>
#include <cctype>

namespace convene {

namespace {

std::string caption_name(const std::string& name) {
    std::string out;
    for (unsigned char ch : name)
        out += ch < 0x80 ? static_cast<char>(std::toupper(ch)) : static_cast<char>(ch);
    return out;
}

// What the speakers say, two pieces a turn (a captioner sends a turn as it is spoken).
constexpr std::array<std::array<const char*, 2>, 6> remarks{{
    {"Thank you, Chair. Our network ran four regional calls this year, and the ",
     "notes of each are now online for anyone who could not join.\n"},
    {"Good morning from the remote hub. We would ask that the stocktaking also count ",
     "how many newcomers took part, not only how many sessions were held.\n"},
    {"Thank you. The best practice forums worked well when their drafts were open for ",
     "comment early; we suggest a common calendar for the next cycle.\n"},
    {"I support the previous speaker. The dynamic coalitions would welcome a single ",
     "page listing every open consultation with its closing date.\n"},
    {"Speaking for the technical community: the intersessional outputs should be easier ",
     "to find in the annual meeting's programme, linked from each session.\n"},
    {"Thank you, Chair. On the stocktaking, we have three points. First, the reports ",
     "should come out before the call for proposals opens, so that"},
}};

}  // namespace

std::vector<DemoCaption> demo_meeting_captions(const std::vector<std::string>& speakers) {
    std::vector<DemoCaption> out;
    std::int64_t sequence = 0;
    auto add = [&](int turn, std::string text) {
        out.push_back({turn, {++sequence, std::move(text)}});
    };
    add(-1, ">> CHAIR: Good morning, and welcome back. We are on the second agenda item, ");
    add(-1,
        "the stocktaking of intersessional work. I have a list of speakers; please keep "
        "to three minutes.\n");
    for (std::size_t i = 0; i < speakers.size(); ++i) {
        const auto& said = remarks[i % (remarks.size() - 1)];
        bool last = i + 1 == speakers.size();
        // The one with the floor is mid-sentence; the others said all they had to say.
        const auto& words = last ? remarks.back() : said;
        if (i > 0) add(static_cast<int>(i), ">> CHAIR: Thank you. Next on my list.\n");
        add(static_cast<int>(i), ">> " + caption_name(speakers[i]) + ": " + words[0]);
        add(static_cast<int>(i), words[1]);
    }
    return out;
}

}  // namespace convene
