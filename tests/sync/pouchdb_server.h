#pragma once
#include <sys/types.h>

#include <string>

#include "platform/curl_http.h"

namespace cairn::testing {

// A PouchDB Server (CouchDB-compatible, in memory) on a free loopback port,
// started from tests/sync/node_modules, with an admin, users and one
// database whose members are named. Killed when destroyed.
class PouchDbServer {
 public:
  PouchDbServer();
  ~PouchDbServer();
  PouchDbServer(const PouchDbServer&) = delete;
  PouchDbServer& operator=(const PouchDbServer&) = delete;

  void start();  // also after kill(): empty, as a restarted in-memory server is
  void kill();   // SIGKILL, mid-whatever
  std::string url() const;  // "http://127.0.0.1:PORT/"

  // As the server's admin: an admin account, users, a database and its members.
  void make_admin();
  void add_user(const std::string& name, const std::string& password);
  void make_database(const std::string& db, const std::vector<std::string>& members);

  // A blocking request as `user` (empty: anonymous).
  HttpReply request(const std::string& method, const std::string& path, const std::string& body,
                    const std::string& user = "admin", const std::string& password = "secret");

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string dir_;  // its working folder (it writes a log and a config there)
  CurlHttp http_;
};

// "Authorization: Basic …" for `user`.
std::string basic_auth(const std::string& user, const std::string& password);

}  // namespace cairn::testing
