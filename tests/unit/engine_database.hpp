#pragma once
// A migrated database of the engine a parameterised test names: SQLite in a temporary
// file, or a schema of its own on the PostgreSQL cluster of CONVENE_TEST_POSTGRES (skipped
// without one, a failure under CI=true). Suites subclass it and instantiate it with
// ::testing::Values("sqlite", "postgresql").
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "database/database.hpp"
#include "database/migrations.hpp"
#include "security/secrets.hpp"

namespace convene::testing {

class EngineDatabase : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        init_secrets();
        if (GetParam() == "sqlite") {
            dir_ = std::filesystem::temp_directory_path() /
                   ("convene-unit-" + random_token().substr(0, 12));
            url_ = "sqlite:" + (dir_ / "test.db").string();
        } else {
            const char* pg = std::getenv("CONVENE_TEST_POSTGRES");
            if (!pg) {
                const char* ci = std::getenv("CI");
                if (ci && std::string_view(ci) == "true")
                    FAIL() << "CI=true but CONVENE_TEST_POSTGRES is not set";
                GTEST_SKIP() << "CONVENE_TEST_POSTGRES is not set";
            }
            url_ = pg;
            schema_ = "unit_" + random_token().substr(0, 12);
            auto admin = db::connect_postgresql(url_);
            admin->run_script("CREATE SCHEMA " + schema_);
            url_ += (url_.find('?') == std::string::npos ? "?" : "&") +
                    std::string("options=-csearch_path%3D") + schema_;
        }
        database_ = db::Database::open(url_, 4);
        db::migrate(*database_);
    }
    void TearDown() override {
        database_.reset();
        if (!dir_.empty()) std::filesystem::remove_all(dir_);
        if (!schema_.empty()) {
            auto admin = db::connect_postgresql(std::getenv("CONVENE_TEST_POSTGRES"));
            admin->run_script("DROP SCHEMA " + schema_ + " CASCADE");
        }
    }
    std::filesystem::path dir_;
    std::string url_, schema_;
    std::unique_ptr<db::Database> database_;
};

}  // namespace convene::testing
