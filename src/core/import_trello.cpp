#include "core/import_trello.h"

#include <algorithm>
#include <map>
#include <string>

#include "core/json_parse.h"

namespace cairn {
namespace {

std::string string_member(const rapidjson::Value& object, const char* key) {
  if (!object.IsObject()) return {};
  const auto it = object.FindMember(key);
  if (it == object.MemberEnd() || !it->value.IsString()) return {};
  return {it->value.GetString(), it->value.GetStringLength()};
}

bool bool_member(const rapidjson::Value& object, const char* key) {
  if (!object.IsObject()) return false;
  const auto it = object.FindMember(key);
  return it != object.MemberEnd() && it->value.IsBool() && it->value.GetBool();
}

double number_member(const rapidjson::Value& object, const char* key) {
  if (!object.IsObject()) return 0;
  const auto it = object.FindMember(key);
  return it != object.MemberEnd() && it->value.IsNumber() ? it->value.GetDouble() : 0;
}

const rapidjson::Value* array_member(const rapidjson::Value& object, const char* key) {
  if (!object.IsObject()) return nullptr;
  const auto it = object.FindMember(key);
  return it != object.MemberEnd() && it->value.IsArray() ? &it->value : nullptr;
}


std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += ", ";
    out += p;
  }
  return out;
}

}  // namespace

bool looks_like_trello(std::string_view json_text) {
  rapidjson::Document doc;
  std::size_t offset = 0;
  if (!parse_json(json_text, doc, offset).empty() || !doc.IsObject()) return false;
  return array_member(doc, "cards") && array_member(doc, "lists");
}

ForeignRead read_trello_json(std::string_view name, std::string_view text) {
  ForeignRead read;
  ForeignSource& source = read.source;
  source.tool = ForeignTool::trello;
  source.file_name = std::string(name);
  if (std::string bad = check_utf8(text); !bad.empty()) {
    read.error = std::move(bad);
    return read;
  }
  rapidjson::Document doc;
  std::size_t offset = 0;
  if (std::string error = parse_json(text, doc, offset); !error.empty()) {
    read.error = "broken JSON at " + text_position(text, offset) + ": " + error;
    return read;
  }
  const rapidjson::Value* cards = array_member(doc, "cards");
  const rapidjson::Value* lists = array_member(doc, "lists");
  if (!cards || !lists) {
    read.error = "not a Trello board export: it has no \"cards\" and \"lists\" arrays";
    return read;
  }
  source.board_name = string_member(doc, "name");

  struct ListInfo {
    std::string name;
    bool closed = false;
  };
  std::map<std::string, ListInfo> list_by_id;
  for (const auto& list : lists->GetArray())
    list_by_id[string_member(list, "id")] = {string_member(list, "name"), bool_member(list, "closed")};
  std::map<std::string, std::string> member_by_id;
  if (const auto* members = array_member(doc, "members"))
    for (const auto& m : members->GetArray()) {
      std::string full = string_member(m, "fullName");
      member_by_id[string_member(m, "id")] = full.empty() ? string_member(m, "username") : full;
    }
  std::map<std::string, std::string> label_by_id;
  if (const auto* labels = array_member(doc, "labels"))
    for (const auto& l : labels->GetArray()) {
      std::string label = string_member(l, "name");
      label_by_id[string_member(l, "id")] = label.empty() ? string_member(l, "color") : label;
    }
  // Checklists by card, entries in Trello's order ("pos").
  std::map<std::string, std::vector<std::pair<double, std::pair<std::string, bool>>>> checks_by_card;
  if (const auto* checklists = array_member(doc, "checklists"))
    for (const auto& list : checklists->GetArray()) {
      const std::string card = string_member(list, "idCard");
      const double base = number_member(list, "pos") * 1e6;
      if (const auto* items = array_member(list, "checkItems"))
        for (const auto& item : items->GetArray())
          checks_by_card[card].push_back(
              {base + number_member(item, "pos"),
               {string_member(item, "name"), string_member(item, "state") == "complete"}});
    }

  source.table.header = {"id", "idShort", "name", "desc", "list", "members", "labels", "start", "due", "dueComplete"};
  std::size_t archived = 0, in_archived_list = 0;
  std::size_t index = 0;
  for (const auto& card : cards->GetArray()) {
    ++index;
    if (!card.IsObject()) continue;
    if (bool_member(card, "closed")) {
      ++archived;
      continue;
    }
    const auto list = list_by_id.find(string_member(card, "idList"));
    if (list != list_by_id.end() && list->second.closed) {
      ++in_archived_list;
      continue;
    }
    std::vector<std::string> members, labels;
    if (const auto* ids = array_member(card, "idMembers"))
      for (const auto& id : ids->GetArray())
        if (id.IsString()) members.push_back(member_by_id[id.GetString()]);
    if (const auto* own = array_member(card, "labels")) {
      for (const auto& l : own->GetArray()) {
        std::string label = string_member(l, "name");
        labels.push_back(label.empty() ? string_member(l, "color") : label);
      }
    } else if (const auto* ids = array_member(card, "idLabels")) {
      for (const auto& id : ids->GetArray())
        if (id.IsString()) labels.push_back(label_by_id[id.GetString()]);
    }
    const auto id_short = card.FindMember("idShort");
    source.table.rows.push_back({string_member(card, "id"),
                                 id_short != card.MemberEnd() && id_short->value.IsInt64()
                                     ? std::to_string(id_short->value.GetInt64())
                                     : std::string(),
                                 string_member(card, "name"), string_member(card, "desc"),
                                 list == list_by_id.end() ? std::string() : list->second.name, joined(members),
                                 joined(labels), string_member(card, "start"), string_member(card, "due"),
                                 bool_member(card, "dueComplete") ? "true" : "false"});
    source.table.row_lines.push_back(index);  // for Trello: the card's place in "cards"
    auto& checks = checks_by_card[string_member(card, "id")];
    std::stable_sort(checks.begin(), checks.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::pair<std::string, bool>> entries;
    for (auto& [pos, entry] : checks) entries.push_back(std::move(entry));
    source.checklists.push_back(std::move(entries));
  }
  if (archived)
    source.notes.push_back(std::to_string(archived) + (archived == 1 ? " archived card" : " archived cards") +
                           " left out");
  if (in_archived_list)
    source.notes.push_back(std::to_string(in_archived_list) +
                           (in_archived_list == 1 ? " card" : " cards") + " in archived lists left out");
  read.ok = true;
  return read;
}

}  // namespace cairn
