// Participants' feedback as it arrives from a form or JSON: the rating as typed, the
// comment and the stakeholder group (the bytes split at each 0xFF into the three), then
// the results made of what was read.
#include "core/feedback/feedback.hpp"
#include "fuzz/target.hpp"

CONVENE_FUZZ_TARGET(feedback_rating, {"4\xff"
                                      "Clear <script>x</script>\xff"
                                      "youth",
                                      "0\xff\xff",
                                      "x\xff\xff"
                                      "aliens"}) {
    auto text = convene::fuzz::text(data, size);
    std::string parts[3];
    std::size_t part = 0;
    for (char c : text) {
        if (c == '\xff' && part < 2)
            ++part;
        else
            parts[part] += c;
    }
    auto read = convene::feedback::read_rating({parts[0], parts[1], parts[2]});
    if (read.rating == std::nullopt && read.errors.empty()) __builtin_trap();
    convene::feedback::Summary summary;
    if (read.rating) {
        if (read.rating->rating < 1 || read.rating->rating > 5) __builtin_trap();
        summary.add(read.rating->rating, static_cast<std::int64_t>(size));
    }
    (void)summary.mean();
    (void)convene::feedback::summaries({{convene::SessionId{1}, static_cast<int>(size % 8), 1}});
}
