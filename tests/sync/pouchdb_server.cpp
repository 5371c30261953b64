#include "sync/pouchdb_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <optional>
#include <thread>
#include <vector>

extern char** environ;

namespace cairn::testing {
namespace {

int free_port() {
  const int s = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t length = sizeof addr;
  getsockname(s, reinterpret_cast<sockaddr*>(&addr), &length);
  close(s);
  return ntohs(addr.sin_port);
}

std::string base64(const std::string& in) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned value = 0;
  int bits = -6;
  for (const unsigned char c : in) {
    value = (value << 8) + c;
    bits += 8;
    while (bits >= 0) {
      out += kAlphabet[(value >> bits) & 0x3F];
      bits -= 6;
    }
  }
  if (bits > -6) out += kAlphabet[((value << 8) >> (bits + 8)) & 0x3F];
  while (out.size() % 4) out += '=';
  return out;
}

}  // namespace

std::string basic_auth(const std::string& user, const std::string& password) {
  return "Authorization: Basic " + base64(user + ":" + password);
}

PouchDbServer::PouchDbServer() {
  dir_ = (std::filesystem::temp_directory_path() / ("cairn-pouchdb-" + std::to_string(getpid()))).string();
  std::filesystem::create_directories(dir_);
  port_ = free_port();
  start();
}

PouchDbServer::~PouchDbServer() {
  kill();
  std::filesystem::remove_all(dir_);
}

std::string PouchDbServer::url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/"; }

void PouchDbServer::start() {
  const std::string program = CAIRN_POUCHDB_SERVER;
  if (access(program.c_str(), X_OK) != 0)
    throw std::runtime_error(program + " is missing: run scripts/bootstrap.sh --test (it installs tests/sync from npm)");
  const std::string port = std::to_string(port_);
  const std::string config = dir_ + "/config.json";
  const char* argv[] = {program.c_str(), "-m", "-o", "127.0.0.1", "-p", port.c_str(), "-n", "-c", config.c_str(), nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addchdir_np(&actions, dir_.c_str());
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, (dir_ + "/out.log").c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  if (posix_spawn(&pid_, program.c_str(), &actions, nullptr, const_cast<char**>(argv), environ) != 0)
    throw std::runtime_error("could not start " + program);
  posix_spawn_file_actions_destroy(&actions);
  for (int i = 0; i < 300; ++i) {  // up to 30 s: node starts slowly on a busy machine
    if (request("GET", "", "", "", "").status == 200) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  throw std::runtime_error("PouchDB Server did not answer on " + url());
}

void PouchDbServer::kill() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

HttpReply PouchDbServer::request(const std::string& method, const std::string& path, const std::string& body,
                                 const std::string& user, const std::string& password) {
  std::vector<std::string> headers;
  if (!user.empty()) headers.push_back(basic_auth(user, password));
  std::optional<HttpReply> reply;
  http_.start(url(), HttpRequest{method, path, body, false}, headers, [&](HttpReply r) { reply = std::move(r); });
  while (!reply) http_.poll(50);
  return *reply;
}

void PouchDbServer::make_admin() {
  // Admin party until the first admin exists.
  request("PUT", "_config/admins/admin", "\"secret\"", "", "");
}

void PouchDbServer::add_user(const std::string& name, const std::string& password) {
  request("PUT", "_users/org.couchdb.user:" + name,
          R"({"name":")" + name + R"(","password":")" + password + R"(","roles":[],"type":"user"})");
}

void PouchDbServer::make_database(const std::string& db, const std::vector<std::string>& members) {
  request("PUT", db, "");
  std::string names;
  for (const std::string& m : members) names += (names.empty() ? "\"" : ",\"") + m + "\"";
  request("PUT", db + "/_security", R"({"admins":{"names":[],"roles":[]},"members":{"names":[)" + names + R"(],"roles":[]}})");
}

}  // namespace cairn::testing
