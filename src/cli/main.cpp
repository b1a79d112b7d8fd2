// The convene command: serve, migrate, demo, user. Settings come from flags or from
// CONVENE_* environment variables.
#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <thread>

#include "cli/backup.hpp"
#include "cli/offline.hpp"
#include "cli/transcript_search.hpp"
#include "cli/transcripts.hpp"
#include "core/accounts/password_rules.hpp"
#include "core/common/clock.hpp"
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/demo/demo_forum.hpp"
#include "database/migrations.hpp"
#include "http/address.hpp"
#include "http/error.hpp"
#include "http/server.hpp"
#include "mail/sender.hpp"
#include "security/secrets.hpp"
#include "store/accounts/accounts.hpp"
#include "store/demo/demo.hpp"
#include "store/editions/editions.hpp"
#include "web/reports/reminders.hpp"
#include "web/site/app.hpp"

using namespace convene;

namespace {

// "127.0.0.1:8080", "localhost:8080", "[::1]:8080", "0.0.0.0:0" (any free port).
std::pair<std::string, unsigned short> parse_listen(const std::string& text) {
    const std::string usage = say("cli.listen.invalid", {{"text", text}});
    auto colon = text.rfind(':');
    if (colon == std::string::npos) throw std::runtime_error(usage);
    auto host = text.substr(0, colon), port = text.substr(colon + 1);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    if (host == "localhost") host = "127.0.0.1";
    if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != port.npos ||
        std::stoi(port) > 65535 || !http::parse_cidr(host))
        throw std::runtime_error(usage);
    return {host, static_cast<unsigned short>(std::stoi(port))};
}

struct Settings {
    std::string database = "sqlite:var/convene.db";
    std::string log_level = "info";
    std::string listen = "127.0.0.1:8080";
    std::string base_url;
    std::string smtp;
    std::string mail_from = "convene@localhost";
    int smtp_retry_seconds = 30;
    int reminder_seconds = 300;
    int speaker_link_days = 30;
    int threads = 0;
    int request_timeout = 30;
    std::size_t max_connections = 10000;
    std::size_t max_connections_per_address = 1000;
    std::size_t max_live_per_address = 64;
    int live_idle_seconds = 600;
    std::vector<std::string> trusted_proxies;
    int registrations_per_hour = 20, invitations_per_hour = 20, saves_per_minute = 60;
    int sign_in_pause_seconds = 30;
    std::string metrics_token;
};

std::unique_ptr<db::Database> open_database(const Settings& s, std::size_t pool) {
    auto database = db::Database::open(s.database, pool);
    for (const auto& name : db::migrate(*database)) spdlog::info("applied migration {}", name);
    cli::index_transcripts(*database);
    return database;
}

// spdlog's stderr sink flushes every line; this one lets stdio buffer them.
class BufferedStderr : public spdlog::sinks::base_sink<std::mutex> {
  protected:
    void sink_it_(const spdlog::details::log_msg& msg) override {
        spdlog::memory_buf_t line;
        formatter_->format(msg, line);
        std::fwrite(line.data(), 1, line.size(), stderr);
    }
    void flush_() override { std::fflush(stderr); }
};

int serve(const Settings& s) {
    static char stderr_buffer[1 << 16];
    std::setvbuf(stderr, stderr_buffer, _IOFBF, sizeof stderr_buffer);
    // Buffered writes to stderr, flushed every second and at once for warnings: a
    // flush per access-log line cost a third of the throughput.
    auto logger = std::make_shared<spdlog::logger>("convene", std::make_shared<BufferedStderr>());
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(logger);
    spdlog::flush_every(std::chrono::seconds(1));
    spdlog::set_level(spdlog::level::from_str(s.log_level));
    spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);

    http::ServerOptions options;
    auto [host, port] = parse_listen(s.listen);
    options.host = host;
    options.port = port;
    options.request_timeout = std::chrono::seconds(s.request_timeout);
    options.max_connections = s.max_connections;
    options.max_connections_per_address = s.max_connections_per_address;
    options.max_live_per_address = s.max_live_per_address;
    options.live_idle = std::chrono::seconds(s.live_idle_seconds);
    options.threads = s.threads > 0 ? s.threads : std::max(2u, std::thread::hardware_concurrency());

    web::Config config;
    config.base_url = s.base_url.empty() ? "http://" + s.listen : s.base_url;
    config.speaker_link_days = s.speaker_link_days;
    config.smtp_configured = !s.smtp.empty();
    config.metrics_token = s.metrics_token;
    config.registrations_per_hour = s.registrations_per_hour;
    config.invitations_per_hour = s.invitations_per_hour;
    config.saves_per_minute = s.saves_per_minute;
    config.sign_in_pause_seconds = s.sign_in_pause_seconds;
    for (const auto& cidr : s.trusted_proxies) {
        auto range = http::parse_cidr(cidr);
        if (!range) throw std::runtime_error(say("cli.trusted_proxy.invalid", {{"text", cidr}}));
        config.trusted_proxies.push_back(*range);
    }
    options.trusted_proxies = config.trusted_proxies;
    // Test hooks (a movable clock) exist only in builds made for tests, and only when
    // asked for; a build without them refuses to start rather than ignore the request.
    if (const char* hooks = std::getenv("CONVENE_TEST_HOOKS"); hooks && std::string(hooks) == "1") {
#ifdef CONVENE_TEST_HOOKS
        config.test_hooks = true;
        spdlog::warn("test hooks are on: POST /_test/clock moves the server's clock");
#else
        throw std::runtime_error(say("cli.no_test_hooks"));
#endif
    }
    // A connection for each thread serving connections and each running long requests,
    // and as many again for the mail sender, the reminders and short bursts.
    web::App app(config, open_database(s, static_cast<std::size_t>(options.threads) * 3));
    app.other_nodes().follow(s.database);
    mail::SenderSettings mail_settings;
    mail_settings.smtp.url = s.smtp;
    mail_settings.smtp.from = s.mail_from;
    mail_settings.retry_base = std::chrono::seconds(std::max(1, s.smtp_retry_seconds));
    mail_settings.clock = [&app] { return app.now(); };
    mail::Sender mail_sender(app.database(), mail_settings);
    mail_sender.start();
    // Reminders about session reports, on the app's clock; started once the address (and
    // so the links in the messages) is known.
    web::ReportReminderLoop reminders(app, std::chrono::seconds(s.reminder_seconds));
    options.live = &app.live();
    options.may_follow = [&app](const http::Request& r, const std::string& topic) {
        return app.may_follow(r, topic);
    };
    options.runs_long = [&app](const http::Request& r) { return app.runs_long(r); };
    http::serve(
        options, [&app](http::Request& r) { return app.handle(r); },
        [&app](const http::Request& r, int status, const std::string& detail) {
            std::string title = say(status == 413   ? "http.request_too_large"
                                    : status == 500 ? "http.server_error"
                                                    : "http.bad_request");
            return app.error_page(r, status, title, detail);
        },
        [&](unsigned short port) {
            if (s.base_url.empty())
                app.set_base_url("http://" + options.host + ":" + std::to_string(port));
            reminders.start();
            std::cout << say("cli.listening",
                             {{"address", options.host + ":" + std::to_string(port)}})
                      << std::endl;
        });
    reminders.stop();
    mail_sender.stop();
    spdlog::shutdown();
    return 0;
}

int demo(const Settings& s, std::uint64_t seed, const DemoSize& size,
         const std::string& credentials_file) {
    auto database = open_database(s, 1);
    auto forum = generate_demo_forum(seed, size);
    auto creds = store::load_demo_forum(*database, forum);
    std::ostringstream text;
    text << say("cli.demo.loaded", {{"name", forum.edition.name},
                                    {"proposals", forum.proposals.size()},
                                    {"members", forum.mag_members.size()},
                                    {"themes", forum.themes.size()},
                                    {"rooms", forum.rooms.size()}})
         << "\n"
         << say("cli.demo.evaluated", {{"name", forum.evaluated_edition.name}}) << "\n"
         << say("cli.demo.evaluating", {{"name", forum.evaluating_edition.name},
                                        {"proposals", forum.evaluating_proposals.size()}})
         << "\n"
         << say("cli.demo.programme", {{"name", forum.programme_edition.name},
                                       {"placed", creds.programme_placed},
                                       {"sessions", creds.programme_sessions}})
         << "\n";
    if (creds.past.edition)
        text << say("cli.demo.past", {{"name", forum.past_edition.name},
                                      {"sessions", creds.past.sessions},
                                      {"on_time", creds.past.on_time},
                                      {"late", creds.past.late},
                                      {"missing", creds.past.missing},
                                      {"ratings", creds.past.ratings},
                                      {"messages", creds.past.messages}})
             << "\n";
    if (forum.declined_proposal >= 0)
        text << say("cli.demo.declined",
                    {{"name", forum.edition.name},
                     {"number",
                      forum.proposals[static_cast<std::size_t>(forum.declined_proposal)].number}})
             << "\n";
    text << (creds.live_room ? say("cli.demo.live", {{"name", forum.edition.name},
                                                     {"edition", to_string(creds.edition_id)},
                                                     {"room", to_string(*creds.live_room)}}) +
                                   "\n"
                             : std::string())
         << say("cli.demo.admin",
                {{"email", creds.admin_email}, {"password", creds.admin_password}})
         << "\n"
         << say("cli.demo.member",
                {{"email", creds.member_email}, {"password", creds.member_password}})
         << "\n";
    std::cout << text.str();
    if (!credentials_file.empty()) std::ofstream(credentials_file) << text.str();
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{say("cli.help.convene")};
    cli.require_subcommand(1);
    // Global flags work before or after the subcommand: subcommands (made after this)
    // hand the flags they do not know to their parent.
    cli.fallthrough();
    Settings s;
    cli.add_option("--database", s.database, say("cli.help.database"))
        ->envname("CONVENE_DATABASE")
        ->capture_default_str();
    cli.add_option("--log-level", s.log_level, say("cli.help.log_level"))
        ->envname("CONVENE_LOG_LEVEL")
        ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "critical", "off"}))
        ->capture_default_str();

    auto* serve_cmd = cli.add_subcommand("serve", say("cli.help.serve"));
    serve_cmd->add_option("--listen", s.listen, say("cli.help.serve.listen"))
        ->envname("CONVENE_LISTEN")
        ->capture_default_str();
    serve_cmd->add_option("--base-url", s.base_url, say("cli.help.serve.base_url"))
        ->envname("CONVENE_BASE_URL");
    serve_cmd->add_option("--smtp", s.smtp, say("cli.help.serve.smtp"))->envname("CONVENE_SMTP");
    serve_cmd->add_option("--mail-from", s.mail_from, say("cli.help.serve.mail_from"))
        ->envname("CONVENE_MAIL_FROM")
        ->capture_default_str();
    serve_cmd
        ->add_option("--smtp-retry-seconds", s.smtp_retry_seconds,
                     say("cli.help.serve.smtp_retry_seconds"))
        ->envname("CONVENE_SMTP_RETRY_SECONDS")
        ->capture_default_str();
    serve_cmd
        ->add_option("--reminder-seconds", s.reminder_seconds,
                     say("cli.help.serve.reminder_seconds"))
        ->envname("CONVENE_REMINDER_SECONDS")
        ->check(CLI::Range(0, 86400))
        ->capture_default_str();
    serve_cmd
        ->add_option("--speaker-link-days", s.speaker_link_days,
                     say("cli.help.serve.speaker_link_days"))
        ->envname("CONVENE_SPEAKER_LINK_DAYS")
        ->capture_default_str();
    serve_cmd->add_option("--threads", s.threads, say("cli.help.serve.threads"))
        ->envname("CONVENE_THREADS");
    serve_cmd
        ->add_option("--request-timeout", s.request_timeout, say("cli.help.serve.request_timeout"))
        ->envname("CONVENE_REQUEST_TIMEOUT")
        ->capture_default_str();
    serve_cmd
        ->add_option("--max-connections", s.max_connections, say("cli.help.serve.max_connections"))
        ->envname("CONVENE_MAX_CONNECTIONS")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}))
        ->capture_default_str();
    serve_cmd
        ->add_option("--max-connections-per-address", s.max_connections_per_address,
                     say("cli.help.serve.max_connections_per_address"))
        ->envname("CONVENE_MAX_CONNECTIONS_PER_ADDRESS")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}))
        ->capture_default_str();
    serve_cmd
        ->add_option("--max-live-per-address", s.max_live_per_address,
                     say("cli.help.serve.max_live_per_address"))
        ->envname("CONVENE_MAX_LIVE_PER_ADDRESS")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}))
        ->capture_default_str();
    serve_cmd
        ->add_option("--live-idle-seconds", s.live_idle_seconds,
                     say("cli.help.serve.live_idle_seconds"))
        ->envname("CONVENE_LIVE_IDLE_SECONDS")
        ->check(CLI::Range(1, 86400))
        ->capture_default_str();
    serve_cmd->add_option("--trusted-proxy", s.trusted_proxies, say("cli.help.serve.trusted_proxy"))
        ->envname("CONVENE_TRUSTED_PROXY")
        ->delimiter(',');
    serve_cmd
        ->add_option("--registrations-per-hour", s.registrations_per_hour,
                     say("cli.help.serve.registrations_per_hour"))
        ->envname("CONVENE_REGISTRATIONS_PER_HOUR")
        ->check(CLI::Range(1, 1000000))
        ->capture_default_str();
    serve_cmd
        ->add_option("--invitations-per-hour", s.invitations_per_hour,
                     say("cli.help.serve.invitations_per_hour"))
        ->envname("CONVENE_INVITATIONS_PER_HOUR")
        ->check(CLI::Range(1, 1000000))
        ->capture_default_str();
    serve_cmd
        ->add_option("--saves-per-minute", s.saves_per_minute,
                     say("cli.help.serve.saves_per_minute"))
        ->envname("CONVENE_SAVES_PER_MINUTE")
        ->check(CLI::Range(1, 1000000))
        ->capture_default_str();
    serve_cmd
        ->add_option("--sign-in-pause-seconds", s.sign_in_pause_seconds,
                     say("cli.help.serve.sign_in_pause_seconds"))
        ->envname("CONVENE_SIGN_IN_PAUSE_SECONDS")
        ->check(CLI::Range(1, 3600))
        ->capture_default_str();
    serve_cmd->add_option("--metrics-token", s.metrics_token, say("cli.help.serve.metrics_token"))
        ->envname("CONVENE_METRICS_TOKEN");

    cli.add_subcommand("migrate", say("cli.help.migrate"));
    cli.add_subcommand("routes", say("cli.help.routes"));

    auto* demo_cmd = cli.add_subcommand("demo", say("cli.help.demo"));
    std::uint64_t seed = 1;
    std::string credentials_file;
    demo_cmd->add_option("--seed", seed, say("cli.help.demo.seed"))->capture_default_str();
    DemoSize demo_size;
    demo_cmd->add_option("--proposals", demo_size.proposals, say("cli.help.demo.proposals"))
        ->check(CLI::Range(1, 100000))
        ->capture_default_str();
    demo_cmd->add_option("--rooms", demo_size.rooms, say("cli.help.demo.rooms"))
        ->check(CLI::Range(2, 40))
        ->capture_default_str();
    demo_cmd->add_option("--days", demo_size.days, say("cli.help.demo.days"))
        ->check(CLI::Range(1, 9))
        ->capture_default_str();
    demo_cmd->add_option("--credentials", credentials_file, say("cli.help.demo.credentials"));

    auto* screen_cmd = cli.add_subcommand("screen", say("cli.help.screen"));
    std::string edition_file, proposals_file;
    screen_cmd->add_option("--edition", edition_file, say("cli.help.screen.edition"))->required();
    screen_cmd->add_option("--proposals", proposals_file, say("cli.help.screen.proposals"))
        ->required();

    auto* assign_cmd = cli.add_subcommand("assign", say("cli.help.assign"));
    std::string assign_in, assign_out;
    assign_cmd->add_option("--in", assign_in, say("cli.help.assign.in"))->required();
    assign_cmd->add_option("--out", assign_out, say("cli.help.assign.out"));
    bool assign_whole = false;
    assign_cmd->add_flag("--whole", assign_whole, say("cli.help.assign.whole"));

    auto* select_cmd = cli.add_subcommand("select", say("cli.help.select"));
    std::string select_in, select_out;
    select_cmd->add_option("--in", select_in, say("cli.help.select.in"))->required();
    select_cmd->add_option("--out", select_out, say("cli.help.select.out"));

    auto* schedule_cmd = cli.add_subcommand("schedule", say("cli.help.schedule"));
    cli::ScheduleArgs schedule_args;
    schedule_cmd->add_option("--in", schedule_args.in_file, say("cli.help.schedule.in"));
    schedule_cmd->add_option("--out", schedule_args.out_file, say("cli.help.schedule.out"));
    schedule_cmd
        ->add_option("--time-limit", schedule_args.time_limit, say("cli.help.schedule.time_limit"))
        ->check(CLI::Range(0.1, 3600.0));
    schedule_cmd->add_option("--seed", schedule_args.seed, say("cli.help.schedule.seed"));
    schedule_cmd->add_flag("--plain-cbc", schedule_args.plain_cbc,
                           say("cli.help.schedule.plain_cbc"));
    schedule_cmd
        ->add_option("--generate", schedule_args.generate, say("cli.help.schedule.generate"))
        ->excludes("--in");
    schedule_cmd
        ->add_option("--sessions", schedule_args.sessions, say("cli.help.schedule.sessions"))
        ->check(CLI::Range(1, 5000));

    auto* import_cmd = cli.add_subcommand("import", say("cli.help.import"));
    import_cmd->require_subcommand(1);
    auto* page_cmd =
        import_cmd->add_subcommand("workshop-page", say("cli.help.import.workshop_page"));
    std::string page_file;
    page_cmd->add_option("FILE", page_file)->required();
    std::int64_t into_edition = 0;
    page_cmd->add_option("--into", into_edition, say("cli.help.import.workshop_page.into"));
    auto* transcript_cmd =
        import_cmd->add_subcommand("transcript", say("cli.help.import.transcript"));
    cli::ImportTranscriptArgs transcript_args;
    transcript_cmd->add_option("FILE", transcript_args.path, say("cli.help.import.transcript.file"))
        ->required();
    transcript_cmd->add_option("--into", transcript_args.into,
                               say("cli.help.import.transcript.into"));
    transcript_cmd->add_option("--session", transcript_args.session,
                               say("cli.help.import.transcript.session"));
    transcript_cmd->add_option("--live-room", transcript_args.live_room,
                               say("cli.help.import.transcript.live_room"));

    auto* remind_cmd = cli.add_subcommand("remind", say("cli.help.remind"));
    remind_cmd->require_subcommand(1);
    auto* remind_reports_cmd =
        remind_cmd->add_subcommand("reports", say("cli.help.remind.reports"));
    std::int64_t remind_edition = 0;
    remind_reports_cmd
        ->add_option("--edition", remind_edition, say("cli.help.remind.reports.edition"))
        ->required();
    remind_reports_cmd->add_option("--base-url", s.base_url, say("cli.help.serve.base_url"))
        ->envname("CONVENE_BASE_URL");

    auto* user_cmd = cli.add_subcommand("user", say("cli.help.user"));
    user_cmd->require_subcommand(1);
    auto* add_cmd = user_cmd->add_subcommand("add", say("cli.help.user.add"));
    std::string email, name, password, role;
    std::int64_t edition = 0;
    bool token = false;
    add_cmd->add_option("--email", email)->required();
    add_cmd->add_option("--name", name)->required();
    add_cmd->add_option("--password", password, say("cli.help.user.add.password"));
    add_cmd->add_option("--role", role, say("cli.help.user.add.role"))
        ->check(CLI::IsMember({"admin", "evaluator", "proposer"}))
        ->required();
    add_cmd->add_option("--edition", edition, say("cli.help.user.add.edition"));
    add_cmd->add_flag("--token", token, say("cli.help.user.add.token"));
    auto* passwd_cmd = user_cmd->add_subcommand("passwd", say("cli.help.user.passwd"));
    passwd_cmd->add_option("--email", email)->required();
    passwd_cmd->add_option("--password", password, say("cli.help.user.passwd.password"));
    user_cmd->add_subcommand("list", say("cli.help.user.list"));
    cli::BackupCommands backup_cmds;
    cli::add_backup_commands(cli, backup_cmds);

    CLI11_PARSE(cli, argc, argv);
    // Log lines go to stderr at the chosen level for every command, never into output
    // meant for scripts (serve sets its own buffered logger).
    spdlog::set_default_logger(spdlog::stderr_logger_mt("convene-cli"));
    spdlog::set_level(spdlog::level::from_str(s.log_level));
    try {
        init_secrets();
        if (serve_cmd->parsed()) return serve(s);
        if (screen_cmd->parsed()) return cli::screen(edition_file, proposals_file);
        if (assign_cmd->parsed()) return cli::assign(assign_in, assign_out, assign_whole);
        if (select_cmd->parsed()) return cli::select(select_in, select_out);
        if (schedule_cmd->parsed()) {
            if (schedule_args.in_file.empty() && schedule_args.generate.empty())
                throw std::runtime_error(say("cli.schedule.no_input"));
            return cli::schedule(schedule_args);
        }
        if (page_cmd->parsed())
            return cli::import_workshop_page(page_file, s.database, EditionId{into_edition});
        if (transcript_cmd->parsed()) {
            transcript_args.database_url = s.database;
            return cli::import_transcripts(transcript_args);
        }
        if (cli.got_subcommand("routes")) {
            web::App app({}, db::Database::open("sqlite::memory:", 1));
            // One line per route: the method, the path and the gate its caller must pass.
            for (const auto& r : app.route_table())
                std::cout << r.method << " " << r.pattern << " " << policy::gate_name(r.gate)
                          << "\n";
            return 0;
        }
        if (cli.got_subcommand("migrate")) {
            auto database = db::Database::open(s.database, 1);
            auto applied = db::migrate(*database);
            cli::index_transcripts(*database);
            if (applied.empty()) std::cout << say("cli.migrate.up_to_date") << "\n";
            for (const auto& m : applied)
                std::cout << say("cli.migrate.applied", {{"migration", m}}) << "\n";
            return 0;
        }
        if (demo_cmd->parsed()) return demo(s, seed, demo_size, credentials_file);
        if (auto status = cli::run_backup_commands(backup_cmds, s.database)) return *status;
        auto database = open_database(s, 1);
        auto c = database->acquire();
        auto now = format_utc(Clock::now());
        if (remind_reports_cmd->parsed()) {
            auto e = store::find_edition(*c, EditionId{remind_edition});
            if (!e) throw std::runtime_error(say("cli.user.no_edition", {{"id", remind_edition}}));
            db::Transaction tx(*c);
            auto run = web::send_report_reminders(
                *c, *e, now, s.base_url.empty() ? "http://" + s.listen : s.base_url);
            tx.commit();
            std::cout << say("cli.remind.done", {{"queued", run.queued},
                                                 {"sessions", run.sessions},
                                                 {"edition", e->name}})
                      << "\n";
            return 0;
        }
        if (add_cmd->parsed()) {
            auto parsed_role = parse_role(role);
            if (!parsed_role)
                throw std::runtime_error(say("cli.user.unknown_role", {{"role", role}}));
            bool generated = password.empty();
            if (generated) password = random_password();
            if (!looks_like_email(normal_email(email)))
                throw std::runtime_error(say("cli.user.email_invalid"));
            if (auto bad = check_text({"name", "--name", true, 200}, name))
                throw std::runtime_error(bad->message);
            if (auto weak = check_password(password, email, name))
                throw std::runtime_error("--password: " + weak->message);
            if (edition && !store::find_edition(*c, EditionId{edition}))
                throw std::runtime_error(say("cli.user.no_edition", {{"id", edition}}));
            db::Transaction tx(*c);
            if (store::find_account_for_sign_in(*c, email))
                throw std::runtime_error(say("cli.user.exists", {{"email", email}}));
            auto id = store::create_account(*c, email, name, hash_password(password), now);
            store::grant_role(*c, id, *parsed_role,
                              edition ? std::optional(EditionId{edition}) : std::nullopt);
            std::string api_token;
            if (token) {
                api_token = random_token();
                store::create_api_token(*c, token_hash(api_token), id, say("cli.user.token_label"),
                                        now);
            }
            tx.commit();
            std::cout << say("cli.user.created",
                             {{"id", to_string(id)}, {"email", email}, {"role", role}})
                      << "\n";
            if (generated) std::cout << say("cli.user.password", {{"password", password}}) << "\n";
            if (token) std::cout << say("cli.user.token", {{"token", api_token}}) << "\n";
        } else if (passwd_cmd->parsed()) {
            auto found = store::find_account_for_sign_in(*c, email);
            if (!found) throw std::runtime_error(say("cli.user.no_account", {{"email", email}}));
            bool generated = password.empty();
            if (generated) password = random_password();
            if (auto weak = check_password(password, email, found->first.name))
                throw std::runtime_error("--password: " + weak->message);
            db::Transaction tx(*c);
            store::set_password_hash(*c, found->first.id, hash_password(password));
            // Whoever was signed in with the old password is signed out.
            store::end_other_sessions(*c, found->first.id, "");
            tx.commit();
            std::cout << say("cli.user.password_changed", {{"email", email}}) << "\n";
            if (generated) std::cout << say("cli.user.password", {{"password", password}}) << "\n";
        } else {
            for (const auto& a : store::list_accounts(*c)) {
                std::cout << a.account.id << "\t" << a.account.email << "\t" << a.account.name;
                for (const auto& g : a.roles)
                    std::cout << "\t" << role_name(g.role)
                              << (g.edition_id ? "@" + to_string(*g.edition_id) : "");
                std::cout << "\n";
            }
        }
        return 0;
    } catch (const db::Error& e) {
        std::cerr << "convene: database: " << e.what() << "\n";
        return e.kind() == db::Error::Kind::unique_violation ? 3 : 2;
    } catch (const std::exception& e) {
        std::cerr << "convene: " << e.what() << "\n";
        return 2;
    }
}
