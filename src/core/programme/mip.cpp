#include "core/programme/mip.hpp"

#include <Cbc_C_Interface.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

namespace convene::programme {

namespace {

struct Row {
    std::vector<int> cols;
    std::vector<double> vals;
    double lo, hi;
};

// An interval of one column: [start, end) in minutes, and which free session it serves.
struct Span {
    Minute start, end;
    int col, owner;
};

// Clique rows over intervals: for every start point, the columns covering it (when they
// belong to two sessions or more) sum to at most 1; in an interval graph these points
// give every maximal clique.
void clique_rows(std::vector<Span> spans, std::vector<Row>& rows) {
    if (spans.size() < 2) return;
    std::sort(spans.begin(), spans.end(),
              [](const Span& a, const Span& b) { return a.start < b.start; });
    Minute longest = 0;
    for (const auto& s : spans) longest = std::max(longest, s.end - s.start);
    std::set<Minute> points;
    for (const auto& s : spans) points.insert(s.start);
    for (Minute t : points) {
        auto from = std::lower_bound(spans.begin(), spans.end(), t - longest,
                                     [](const Span& a, Minute v) { return a.start < v; });
        Row row{{}, {}, -1e30, 1};
        int first_owner = -1;
        bool two = false;
        for (auto it = from; it != spans.end() && it->start <= t; ++it)
            if (it->end > t) {
                row.cols.push_back(it->col);
                row.vals.push_back(1);
                if (first_owner < 0)
                    first_owner = it->owner;
                else if (it->owner != first_owner)
                    two = true;
            }
        if (two) rows.push_back(std::move(row));
    }
}

}  // namespace

MipOutcome solve_mip(const SearchState& state, const std::vector<int>& free,
                     const std::vector<std::vector<int>>& allowed, const std::vector<int>& start,
                     double seconds) {
    const auto& pb = state.problem();
    const auto& in = *pb.in;
    MipOutcome out;
    out.choice.assign(free.size(), -1);
    if (free.size() == 1) {
        // One session: its cheapest allowed place, no program needed (CBC 2.10 also
        // trips an assertion in Clp's crunch on some one-row models).
        for (int k : allowed[0])
            if (out.choice[0] < 0 ||
                state.added_cost(free[0], state.option(free[0], k)) <
                    state.added_cost(free[0], state.option(free[0], out.choice[0])))
                out.choice[0] = k;
        out.found = out.proven = true;
        out.bound_objective = out.choice[0] < 0 ? 0 : -1e30;
        return out;
    }
    std::vector<double> obj, lo, hi;
    std::vector<char> integer;
    auto column = [&](double cost, bool is_int) {
        obj.push_back(cost);
        lo.push_back(0);
        hi.push_back(1);
        integer.push_back(is_int ? 1 : 0);
        return static_cast<int>(obj.size()) - 1;
    };
    std::map<int, int> index_of;  // session -> i
    for (std::size_t i = 0; i < free.size(); ++i) index_of[free[i]] = static_cast<int>(i);
    // Big M: placing one more session outweighs every possible cost of the free ones.
    double big_m = 1;
    std::int64_t free_pairs = 0;
    std::vector<std::vector<double>> cost(free.size());
    for (std::size_t i = 0; i < free.size(); ++i) {
        int s = free[i];
        double worst = 0;
        for (int k : allowed[i]) {
            const auto& o = state.option(s, k);
            double c = static_cast<double>(state.added_cost(s, o));
            cost[i].push_back(c);
            worst = std::max(
                worst, c + static_cast<double>(pb.unplaced_cost[static_cast<std::size_t>(s)]));
        }
        big_m += worst;
        for (int q : pb.similar[static_cast<std::size_t>(s)])
            if (index_of.count(q) && q > s) ++free_pairs;
    }
    big_m += static_cast<double>(in.weights.similar * free_pairs);
    out.big_m = big_m;
    std::vector<Row> rows;
    std::vector<std::vector<int>> x(free.size());
    // z[i]: start -> column (continuous, the sum of x over rooms), with its end.
    std::vector<std::map<Minute, int>> z(free.size());
    std::vector<Span> room_spans_all;
    std::vector<std::vector<Span>> room_spans(in.rooms.size());
    for (std::size_t i = 0; i < free.size(); ++i) {
        int s = free[i];
        Row once{{}, {}, -1e30, 1};
        for (std::size_t j = 0; j < allowed[i].size(); ++j) {
            const auto& o = state.option(s, allowed[i][j]);
            int c = column(cost[i][j] - big_m, true);
            x[i].push_back(c);
            once.cols.push_back(c);
            once.vals.push_back(1);
            room_spans[static_cast<std::size_t>(o.room)].push_back(
                {o.start, o.end + in.rooms[static_cast<std::size_t>(o.room)].turnover, c,
                 static_cast<int>(i)});
        }
        if (!once.cols.empty()) rows.push_back(std::move(once));
        for (std::size_t j = 0; j < allowed[i].size(); ++j) {
            const auto& o = state.option(s, allowed[i][j]);
            if (!z[i].count(o.start)) z[i][o.start] = column(0, false);
        }
        std::map<int, Row> links;  // z - sum of x = 0
        for (auto& [t, c] : z[i]) links[c] = Row{{c}, {1}, 0, 0};
        for (std::size_t j = 0; j < allowed[i].size(); ++j) {
            auto& row = links[z[i][state.option(s, allowed[i][j]).start]];
            row.cols.push_back(x[i][j]);
            row.vals.push_back(-1);
        }
        for (auto& [c, row] : links) rows.push_back(std::move(row));
    }
    for (auto& spans : room_spans) clique_rows(std::move(spans), rows);
    auto z_spans = [&](std::size_t i, std::vector<Span>& spans) {
        int d = in.sessions[static_cast<std::size_t>(free[i])].duration;
        for (auto& [t, c] : z[i]) spans.push_back({t, t + d, c, static_cast<int>(i)});
    };
    // People: one clique family per distinct group of free sessions sharing a person.
    std::set<std::vector<int>> groups;
    std::map<int, std::vector<int>> of_person;
    for (std::size_t i = 0; i < free.size(); ++i)
        for (int p : in.sessions[static_cast<std::size_t>(free[i])].people)
            of_person[p].push_back(static_cast<int>(i));
    for (auto& [p, group] : of_person)
        if (group.size() > 1) groups.insert(group);
    for (const auto& group : groups) {
        std::vector<Span> spans;
        for (int i : group) z_spans(static_cast<std::size_t>(i), spans);
        clique_rows(std::move(spans), rows);
    }
    for (std::size_t i = 0; i < free.size(); ++i) {
        int b = free[i];
        int db = in.sessions[static_cast<std::size_t>(b)].duration;
        (void)db;
        for (int a : pb.before[static_cast<std::size_t>(b)]) {
            if (!index_of.count(a)) continue;
            auto ia = static_cast<std::size_t>(index_of[a]);
            int da = in.sessions[static_cast<std::size_t>(a)].duration;
            // For each end e of a: (a ending at e or later) + (b starting before e) <= 1.
            for (auto& [ta, ca] : z[ia]) {
                Minute e = ta + da;
                Row row{{}, {}, -1e30, 1};
                for (auto& [t2, c2] : z[ia])
                    if (t2 + da >= e) row.cols.push_back(c2), row.vals.push_back(1);
                bool any = false;
                for (auto& [tb, cb] : z[i])
                    if (tb < e) row.cols.push_back(cb), row.vals.push_back(1), any = true;
                if (any) rows.push_back(std::move(row));
            }
        }
    }
    // Similar pairs: y >= z_a(t) + z_b(t) - 1 at every start t of either.
    for (std::size_t i = 0; i < free.size(); ++i) {
        int a = free[i];
        for (int b : pb.similar[static_cast<std::size_t>(a)]) {
            if (b <= a || !index_of.count(b)) continue;
            auto j = static_cast<std::size_t>(index_of[b]);
            int y = column(static_cast<double>(in.weights.similar), false);
            std::vector<Span> spans;
            z_spans(i, spans);
            z_spans(j, spans);
            std::set<Minute> points;
            for (const auto& sp : spans) points.insert(sp.start);
            for (Minute t : points) {
                Row row{{y}, {1}, -1, 1e30};
                bool ai = false, bj = false;
                for (const auto& sp : spans)
                    if (sp.start <= t && t < sp.end) {
                        row.cols.push_back(sp.col);
                        row.vals.push_back(-1);
                        (sp.owner == static_cast<int>(i) ? ai : bj) = true;
                    }
                if (ai && bj) rows.push_back(std::move(row));
            }
        }
    }
    // Column-major matrix for Cbc_loadProblem.
    const int ncols = static_cast<int>(obj.size()), nrows = static_cast<int>(rows.size());
    out.columns = ncols;
    out.rows = nrows;
    if (ncols == 0) {
        out.found = true;
        out.proven = true;
        return out;
    }
    std::vector<CoinBigIndex> colstart(static_cast<std::size_t>(ncols) + 1, 0);
    for (const auto& row : rows)
        for (int c : row.cols) ++colstart[static_cast<std::size_t>(c) + 1];
    for (int c = 0; c < ncols; ++c)
        colstart[static_cast<std::size_t>(c) + 1] += colstart[static_cast<std::size_t>(c)];
    std::vector<int> index(static_cast<std::size_t>(colstart.back()));
    std::vector<double> value(index.size());
    std::vector<CoinBigIndex> fill(colstart.begin(), colstart.end() - 1);
    std::vector<double> rlo, rhi;
    for (int r = 0; r < nrows; ++r) {
        const auto& row = rows[static_cast<std::size_t>(r)];
        for (std::size_t k = 0; k < row.cols.size(); ++k) {
            auto at = static_cast<std::size_t>(fill[static_cast<std::size_t>(row.cols[k])]++);
            index[at] = r;
            value[at] = row.vals[k];
        }
        rlo.push_back(row.lo);
        rhi.push_back(row.hi);
    }
    rows.clear();
    std::unique_ptr<Cbc_Model, void (*)(Cbc_Model*)> model(Cbc_newModel(), Cbc_deleteModel);
    Cbc_setLogLevel(model.get(), 0);
    Cbc_loadProblem(model.get(), ncols, nrows, colstart.data(), index.data(), value.data(),
                    lo.data(), hi.data(), obj.data(), rlo.data(), rhi.data());
    for (int c = 0; c < ncols; ++c)
        if (integer[static_cast<std::size_t>(c)]) Cbc_setInteger(model.get(), c);
    Cbc_setObjSense(model.get(), 1);
    Cbc_setAllowableGap(model.get(), 0.5);  // every cost is a whole number
    Cbc_setAllowableFractionGap(model.get(), 0);
    Cbc_setMaximumSeconds(model.get(), std::max(0.05, seconds));
    // CBC 2.10's preprocessing crashes when the time limit falls inside it (in
    // CglPreProcess::postProcess); the clique rows are already tight without it.
    Cbc_setParameter(model.get(), "preprocess", "off");
    if (!start.empty()) {
        std::vector<int> cols;
        std::vector<double> vals;
        for (std::size_t i = 0; i < free.size(); ++i)
            for (std::size_t j = 0; j < allowed[i].size(); ++j) {
                cols.push_back(x[i][j]);
                vals.push_back(allowed[i][j] == start[i] ? 1.0 : 0.0);
            }
        Cbc_setMIPStartI(model.get(), static_cast<int>(cols.size()), cols.data(), vals.data());
    }
    Cbc_solve(model.get());
    out.proven = Cbc_isProvenOptimal(model.get()) != 0;
    out.bound_objective = Cbc_getBestPossibleObjValue(model.get());
    const double* sol = Cbc_bestSolution(model.get());
    if (!sol) return out;
    out.found = true;
    for (std::size_t i = 0; i < free.size(); ++i)
        for (std::size_t j = 0; j < allowed[i].size(); ++j)
            if (sol[x[i][j]] > 0.5) out.choice[i] = allowed[i][j];
    return out;
}

}  // namespace convene::programme
