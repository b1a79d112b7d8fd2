#include "cli/transcripts.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "cli/transcript_search.hpp"
#include "core/common/clock.hpp"
#include "core/common/messages.hpp"
#include "core/transcripts/reading.hpp"
#include "core/transcripts/search_text.hpp"
#include "database/migrations.hpp"
#include "store/editions/editions.hpp"
#include "store/live/rooms.hpp"
#include "store/transcripts/transcripts.hpp"

namespace convene::cli {

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> files_of(const std::string& path) {
    std::error_code error;
    if (!fs::is_directory(path, error)) {
        if (!fs::exists(path, error))
            throw std::runtime_error(say("cli.file.unreadable", {{"path", path}}));
        return {path};
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(path, error))
        if (entry.is_regular_file() && entry.path().filename().string().front() != '.')
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

// The file's bytes, or none when it is above the limit (not read at all).
std::optional<std::string> read_bytes(const fs::path& path, std::size_t& size) {
    std::error_code error;
    size = static_cast<std::size_t>(fs::file_size(path, error));
    if (error) throw std::runtime_error(say("cli.file.unreadable", {{"path", path.string()}}));
    if (size > transcripts::max_transcript_bytes) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(say("cli.file.unreadable", {{"path", path.string()}}));
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// A file as the reading thread leaves it: its bytes, what was read and its turns' words.
struct ReadFile {
    fs::path path;
    std::size_t size = 0;
    std::optional<std::string> bytes;
    transcripts::Reading reading;
    std::vector<transcripts::TurnWords> turn_words;
    std::exception_ptr error;  // the file could not be read: thrown where it is taken
};

// Reads and parses the files, in order, on a thread of its own, a few files ahead of the
// one being stored: reading and working out the words was a third of a large import's time
// on the thread that writes.
class FileReader {
  public:
    FileReader(std::vector<fs::path> files, bool work_out_words)
        : files_(std::move(files)), words_(work_out_words), thread_([this] { run(); }) {}
    FileReader(const FileReader&) = delete;
    FileReader& operator=(const FileReader&) = delete;
    ~FileReader() {
        {
            std::lock_guard lock(mutex_);
            stop_ = true;
        }
        changed_.notify_all();
        thread_.join();
    }

    // The next file in order; none after the last.
    std::optional<ReadFile> next() {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return !ready_.empty() || taken_ == files_.size(); });
        if (ready_.empty()) return std::nullopt;
        auto file = std::move(ready_.front());
        ready_.pop_front();
        ++taken_;
        changed_.notify_all();
        if (file.error) std::rethrow_exception(file.error);
        return file;
    }

  private:
    static constexpr std::size_t ahead = 16;

    void run() {
        for (const auto& path : files_) {
            {
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [&] { return stop_ || ready_.size() < ahead; });
                if (stop_) return;
            }
            ReadFile file;
            file.path = path;
            try {
                file.bytes = read_bytes(path, file.size);
                file.reading = file.bytes ? transcripts::read_transcript(*file.bytes)
                                          : transcripts::too_large(file.size);
                if (words_ && file.reading.refusal.empty())
                    file.turn_words = transcripts::turn_words(file.reading.transcript);
            } catch (...) {
                file.error = std::current_exception();
            }
            std::lock_guard lock(mutex_);
            ready_.push_back(std::move(file));
            changed_.notify_all();
        }
    }

    std::vector<fs::path> files_;
    bool words_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<ReadFile> ready_;
    std::size_t taken_ = 0;
    bool stop_ = false;
    std::thread thread_;  // last: starts once the rest is ready
};

void name_problems(const std::string& file, const transcripts::Transcript& t) {
    for (const auto& u : t.unread)
        std::cerr << say("cli.transcripts.unread",
                         {{"path", file}, {"line", u.line}, {"reason", u.reason}, {"text", u.text}})
                  << "\n";
    if (t.unread_total > t.unread.size())
        std::cerr << say("cli.transcripts.more_unread",
                         {{"path", file}, {"count", t.unread_total - t.unread.size()}})
                  << "\n";
    for (const auto& b : t.bad_bytes)
        std::cerr << say("cli.transcripts.bad_bytes", {{"path", file},
                                                       {"line", b.line},
                                                       {"offset", b.offset},
                                                       {"bytes", b.bytes},
                                                       {"read_as", b.read_as}})
                  << "\n";
    if (t.bad_bytes_total > t.bad_bytes.size())
        std::cerr << say("cli.transcripts.more_bad_bytes",
                         {{"path", file}, {"count", t.bad_bytes_total - t.bad_bytes.size()}})
                  << "\n";
}

}  // namespace

int import_transcripts(const ImportTranscriptArgs& a) {
    auto files = files_of(a.path);
    bool folder = files.size() != 1 || files.front() != fs::path(a.path);
    std::unique_ptr<db::Database> database;
    std::optional<db::Lease> c;
    store::TranscriptPlace place;
    if (a.into > 0) {
        database = db::Database::open(a.database_url, 1);
        db::migrate(*database);
        index_transcripts(*database);
        c.emplace(database->acquire());
        place.edition = EditionId{a.into};
        if (!store::find_edition(**c, place.edition))
            throw std::runtime_error(say("cli.user.no_edition", {{"id", a.into}}));
        if (!a.session.empty()) {
            auto session = store::edition_session(**c, place.edition, a.session);
            if (!session)
                throw std::runtime_error(
                    say("cli.transcripts.no_session", {{"session", a.session}, {"id", a.into}}));
            place.session = session->id;
        }
        if (a.live_room > 0) {
            if (!store::live_room(**c, place.edition, LiveRoomId{a.live_room}))
                throw std::runtime_error(
                    say("cli.transcripts.no_live_room", {{"room", a.live_room}, {"id", a.into}}));
            place.live_room = LiveRoomId{a.live_room};
        }
    } else if (!a.session.empty() || a.live_room > 0) {
        throw std::runtime_error(say("cli.transcripts.place_without_edition"));
    }
    std::size_t stored = 0, existed = 0, refused = 0;
    // A folder goes in by transactions of 100 files: one commit (one sync to disk) per
    // file was most of the time of a large import. Each file's line is printed once its
    // transaction committed.
    constexpr std::size_t files_per_transaction = 100;
    // More than one transaction's files: the index merged once, at the end.
    std::optional<store::BulkIndexMerge> merge;
    if (c && files.size() > files_per_transaction) merge.emplace(**c);
    std::optional<db::Transaction> tx;
    std::size_t in_transaction = 0;
    std::vector<std::string> lines;
    store::SearchIndexBatch search_index;  // the transaction's turns, indexed at its end
    auto commit = [&] {
        if (tx) {
            search_index.index();
            tx->commit();
        }
        tx.reset();
        in_transaction = 0;
        for (const auto& line : lines) std::cout << line << "\n";
        lines.clear();
    };
    FileReader reader(files, c.has_value());
    while (auto read = reader.next()) {
        const auto& path = read->path;
        auto file = path.string();
        const auto& bytes = read->bytes;
        const auto& reading = read->reading;
        if (!reading.refusal.empty()) {
            ++refused;
            auto message = transcripts::refusal_message(reading);
            std::cerr << file << ": " << message << "\n";
            if (folder)
                lines.push_back(nlohmann::json{{"file", file}, {"refused", message}}.dump());
            continue;
        }
        // A folder stored into an edition: a line of what was read and where it went (the
        // whole transcript is in the database); otherwise the transcript as JSON.
        const auto& t = reading.transcript;
        auto json = folder && c ? nlohmann::json{{"title", t.header.title},
                                                 {"day", t.header.day},
                                                 {"room", t.header.room},
                                                 {"turn_count", t.turns.size()},
                                                 {"direction_count", t.directions.size()},
                                                 {"unread_count", t.unread_total}}
                                : transcripts::to_json(t);
        if (c) {
            store::NewTranscript n;
            n.place = place;
            n.file_name = path.filename().string();
            n.added_at = format_utc(Clock::now());
            if (!tx) tx.emplace(**c);
            auto known = store::store_transcript_file(**c, n, *bytes, reading.transcript,
                                                      {&search_index, &read->turn_words});
            if (known.existed) {
                ++existed;
                json["exists"] = {{"transcript", known.id},
                                  {"edition", known.edition},
                                  {"added_at", known.added_at}};
                std::cerr << say("cli.transcripts.exists", {{"path", file},
                                                            {"id", to_string(known.id)},
                                                            {"edition", to_string(known.edition)},
                                                            {"added_at", known.added_at}})
                          << "\n";
            } else {
                ++stored;
                json["stored_as"] = known.id;
            }
        }
        name_problems(file, reading.transcript);
        if (folder) {
            nlohmann::json line = {{"file", file}};
            line.update(json);
            lines.push_back(line.dump());
        } else {
            lines.push_back(json.dump(2));
        }
        if (++in_transaction == files_per_transaction) commit();
    }
    commit();
    if (merge) merge->finish();
    if (folder)
        std::cerr << say("cli.transcripts.summary", {{"files", files.size()},
                                                     {"stored", stored},
                                                     {"existed", existed},
                                                     {"refused", refused}})
                  << "\n";
    return refused > 0 ? 1 : 0;
}

}  // namespace convene::cli
