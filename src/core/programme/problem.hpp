#pragma once
// The solver's view of an instance: for each session every placement that breaks no rule
// on its own (grid, window, features, unavailability, fixed), with its own cost, and the
// pairs of sessions that interact (sharing a person, a tag, an "after" link). The search
// state keeps a partial timetable and its total up to date move by move.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/programme/instance.hpp"

namespace convene::programme {

struct Option {
    int room = 0;
    Minute start = 0, end = 0;
    std::int64_t cost = 0;  // weighted overflow + night + change of this placement alone
};

struct Problem {
    const Instance* in = nullptr;
    std::vector<std::vector<Option>> options;      // per session
    std::vector<std::string> no_option_reason;     // per session without options: why
    std::vector<std::vector<int>> similar, clash;  // sessions sharing a tag / a person
    std::vector<std::vector<int>> before, later;   // its "after" sessions / those after it
    std::vector<std::int64_t> unplaced_cost;       // the change weight when in `previous`
    std::int64_t option_count = 0;
    std::vector<std::unordered_map<std::int64_t, int>> option_at;  // per session: room+start -> k

    // The option of `s` in `room` at `start`, or -1.
    int find_option(int s, int room, Minute start) const {
        const auto& at = option_at[static_cast<std::size_t>(s)];
        auto it = at.find(start * 1024 + room);
        return it == at.end() ? -1 : it->second;
    }
};

Problem build_problem(const Instance& in);

// A partial timetable (an option per session, or -1) and its total, kept by place/remove.
class SearchState {
  public:
    explicit SearchState(const Problem& problem);
    const Problem& problem() const { return *pb_; }
    int choice(int s) const { return choice_[static_cast<std::size_t>(s)]; }
    const Option& option(int s, int k) const {
        return pb_->options[static_cast<std::size_t>(s)][static_cast<std::size_t>(k)];
    }
    std::int64_t total() const { return total_; }
    int placed() const { return placed_; }
    // True when `o` for `s` clashes with no placed session (by room, person or "after").
    bool fits(int s, const Option& o) const;
    // The placed sessions `o` would clash with, and by which rule (room, person, after).
    struct Blocker {
        int session;
        const char* rule;
        int person;
    };
    std::vector<Blocker> blockers(int s, const Option& o) const;
    // What placing `s` at `o` adds to the total (similar pairs with placed sessions included).
    std::int64_t added_cost(int s, const Option& o) const;
    std::int64_t similar_pairs(int s, const Option& o) const;
    // Minutes left idle in the room just before `o` (from its window's opening or the
    // previous session's turnover): the greedy start packs rooms from the left.
    Minute gap_before(const Option& o) const;
    void place(int s, int k);
    void remove(int s);
    Timetable timetable() const;
    bool better_than(int placed, std::int64_t total) const {
        return placed_ > placed || (placed_ == placed && total_ < total);
    }

  private:
    const Problem* pb_;
    std::vector<int> choice_;
    std::vector<std::vector<int>> in_room_;
    std::int64_t total_ = 0;
    int placed_ = 0;
};

}  // namespace convene::programme
