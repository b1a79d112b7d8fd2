// Google Benchmark of the pieces every request or CLI run goes through.
#include <benchmark/benchmark.h>

#include "core/demo/demo_forum.hpp"
#include "core/synthesis/similarity.hpp"
#include "http/form.hpp"
#include "http/router.hpp"
#include "web/site/render.hpp"

using namespace convene;

static void generate_demo(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(generate_demo_forum(1));
}
BENCHMARK(generate_demo)->Unit(benchmark::kMillisecond);

static void parse_form(benchmark::State& state) {
    const std::string body =
        "csrf_token=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef&name=IGF+2027"
        "&year=2027&start_date=2027-06-15&end_date=2027-06-18&time_zone=Europe%2FOslo&venue=Caf%C3%"
        "A9";
    for (auto _ : state) benchmark::DoNotOptimize(http::parse_urlencoded(body));
}
BENCHMARK(parse_form);

static void route(benchmark::State& state) {
    http::Router<int> router;
    for (int i = 0; i < 40; ++i)
        router.add("GET", "/api/v1/thing" + std::to_string(i) + "/{id:int}", i);
    router.add("GET", "/editions/{edition:int}/members", 99);
    for (auto _ : state) benchmark::DoNotOptimize(router.match("GET", "/editions/12/members"));
}
BENCHMARK(route);

static void render_page(benchmark::State& state) {
    nlohmann::json view = {{"title", "Editions"}, {"editions", nlohmann::json::array()}};
    for (int i = 0; i < 20; ++i)
        view["editions"].push_back({{"url", "/editions/" + std::to_string(i)},
                                    {"name", "IGF <" + std::to_string(2000 + i) + ">"},
                                    {"year", 2000 + i},
                                    {"start_date", "2027-06-15"},
                                    {"end_date", "2027-06-18"},
                                    {"venue", "Venue"}});
    view["has_editions"] = true;
    for (auto _ : state) benchmark::DoNotOptimize(web::render_template("editions", view));
}
BENCHMARK(render_page);

// Merger candidates over the demo generator's proposals: every pair compared (through
// the inverted index), words by ICU. Goal: 1,000 proposals under 200 ms.
static void merger_similarity(benchmark::State& state) {
    DemoSize size;
    size.proposals = static_cast<int>(state.range(0));
    auto forum = generate_demo_forum(1, size);
    std::vector<SimilarityDocument> documents;
    for (const auto& p : forum.proposals) {
        std::string text = p.title + "\n" + p.description;
        for (const auto& q : p.policy_questions) text += "\n" + q;
        documents.push_back({std::to_string(p.number), text});
    }
    std::size_t pairs = 0;
    for (auto _ : state) pairs = similar_pairs(documents, 0.3).size();
    state.counters["pairs"] = static_cast<double>(pairs);
}
BENCHMARK(merger_similarity)->Arg(300)->Arg(1000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
