#include "core/schedule_graph.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cairn {
namespace {

// Beyond a billion working days nothing is meaningful; the clamp keeps sums
// over a million tasks far from int64 overflow.
constexpr double kMaxDays = 1e9;
constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// Id -> input index: open addressing with linear probing, a few times faster
// than std::unordered_map at 10k tasks, which matters for the 5 ms budget.
class IdIndex {
 public:
  explicit IdIndex(std::size_t count) {
    std::size_t capacity = 16;
    shift_ = 60;
    while (capacity < count * 2) capacity *= 2, --shift_;
    slots_.assign(capacity, Slot{});
  }
  // The index stored for `id`, after storing `index` if there was none.
  std::uint32_t insert(Id id, std::uint32_t index) {
    for (std::size_t s = slot_of(id);; s = (s + 1) & (slots_.size() - 1)) {
      if (slots_[s].index == kNone) {
        slots_[s] = Slot{id, index};
        return index;
      }
      if (slots_[s].id == id) return slots_[s].index;
    }
  }
  std::uint32_t find(Id id) const {
    for (std::size_t s = slot_of(id);; s = (s + 1) & (slots_.size() - 1)) {
      if (slots_[s].index == kNone || slots_[s].id == id) return slots_[s].index;
    }
  }

 private:
  struct Slot {
    Id id;
    std::uint32_t index = kNone;
  };
  std::size_t slot_of(Id id) const {
    const std::uint64_t mixed = (id.hi ^ (id.lo * 0xBF58476D1CE4E5B9ull)) * 0x9E3779B97F4A7C15ull;
    return static_cast<std::size_t>(mixed >> shift_);
  }
  std::vector<Slot> slots_;
  int shift_ = 60;
};

struct Edge {
  std::uint32_t from = 0, to = 0;  // input indexes
  bool from_finish = true, to_finish = false;
  std::int64_t lag = 0;
};

// Out-edges of each node as a flat array: begin[i]..begin[i + 1] index `to`.
struct Adjacency {
  std::vector<std::uint32_t> begin, to;
};

Adjacency successors(std::size_t n, const std::vector<Edge>& edges) {
  Adjacency a;
  a.begin.assign(n + 1, 0);
  for (const Edge& e : edges) ++a.begin[e.from + 1];
  for (std::size_t i = 0; i < n; ++i) a.begin[i + 1] += a.begin[i];
  a.to.resize(edges.size());
  std::vector<std::uint32_t> fill(a.begin.begin(), a.begin.end() - 1);
  for (const Edge& e : edges) a.to[fill[e.from]++] = e.to;
  return a;
}

// Kahn's algorithm; the order is shorter than n when there is a cycle.
std::vector<std::uint32_t> kahn_order(std::size_t n, const Adjacency& a) {
  std::vector<std::uint32_t> in_degree(n, 0);
  for (const std::uint32_t to : a.to) ++in_degree[to];
  std::vector<std::uint32_t> order;
  order.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i)
    if (in_degree[i] == 0) order.push_back(i);
  for (std::size_t head = 0; head < order.size(); ++head) {
    const std::uint32_t v = order[head];
    for (std::uint32_t k = a.begin[v]; k < a.begin[v + 1]; ++k)
      if (--in_degree[a.to[k]] == 0) order.push_back(a.to[k]);
  }
  return order;
}

// Strongly connected components among the nodes left over by Kahn's
// algorithm (Tarjan's, with an explicit stack: a 100k-task chain must not
// overflow the call stack). Returns a component number per node, -1 for
// nodes not on a cycle, so a task downstream of a cycle is not blamed.
std::vector<std::int32_t> cycle_components(std::size_t n, const Adjacency& a, const std::vector<bool>& left) {
  std::vector<std::int32_t> index(n, -1), low(n, 0), component(n, -1);
  std::vector<bool> on_stack(n, false);
  std::vector<std::uint32_t> stack;
  struct Frame {
    std::uint32_t v, next;
  };
  std::vector<Frame> frames;
  std::int32_t counter = 0, components = 0;
  for (std::uint32_t root = 0; root < n; ++root) {
    if (!left[root] || index[root] >= 0) continue;
    index[root] = low[root] = counter++;
    stack.push_back(root);
    on_stack[root] = true;
    frames.push_back({root, a.begin[root]});
    while (!frames.empty()) {
      const std::uint32_t v = frames.back().v;
      if (frames.back().next < a.begin[v + 1]) {
        const std::uint32_t w = a.to[frames.back().next++];
        if (!left[w]) continue;
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack.push_back(w);
          on_stack[w] = true;
          frames.push_back({w, a.begin[w]});
        } else if (on_stack[w]) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      frames.pop_back();
      if (!frames.empty()) low[frames.back().v] = std::min(low[frames.back().v], low[v]);
      if (low[v] != index[v]) continue;
      std::vector<std::uint32_t> members;
      std::uint32_t w = 0;
      do {
        w = stack.back();
        stack.pop_back();
        on_stack[w] = false;
        members.push_back(w);
      } while (w != v);
      bool self_loop = false;
      for (std::uint32_t k = a.begin[v]; k < a.begin[v + 1]; ++k) self_loop = self_loop || a.to[k] == v;
      if (members.size() > 1 || self_loop) {
        for (const std::uint32_t m : members) component[m] = components;
        ++components;
      }
    }
  }
  return component;
}

// Reports each cycle and removes the dependencies inside it; what is left
// is acyclic (the graph of components of a graph always is).
void break_cycles(const ScheduleInput& input, std::vector<Edge>& edges, const Adjacency& a,
                  const std::vector<std::uint32_t>& partial_order, std::vector<ScheduleProblem>& problems) {
  const std::size_t n = input.tasks.size();
  std::vector<bool> left(n, true);
  for (const std::uint32_t v : partial_order) left[v] = false;
  const std::vector<std::int32_t> component = cycle_components(n, a, left);

  std::int32_t count = 0;
  for (const std::int32_t c : component) count = std::max(count, c + 1);
  const std::size_t first = problems.size();
  for (std::int32_t c = 0; c < count; ++c) problems.push_back({ScheduleProblemKind::cycle, {}, ScheduleProblem::kNoDependency});
  for (std::size_t i = 0; i < n; ++i)  // in input order
    if (component[i] >= 0) problems[first + static_cast<std::size_t>(component[i])].tasks.push_back(input.tasks[i].id);

  std::erase_if(edges, [&](const Edge& e) { return component[e.from] >= 0 && component[e.from] == component[e.to]; });
}

void add_problem(std::vector<ScheduleProblem>& problems, ScheduleProblemKind kind, Id id,
                 std::size_t dependency = ScheduleProblem::kNoDependency) {
  problems.push_back({kind, {id}, dependency});
}

// Links of every position, grouped by `key` (the successor for preds, the
// predecessor for succs), pointing at the position at the other end.
void fill_links(const ScheduleGraph& g, const std::vector<Edge>& edges, bool by_successor,
                std::vector<std::uint32_t>& begin, std::vector<ScheduleLink>& links) {
  const std::size_t n = g.order.size();
  begin.assign(n + 1, 0);
  for (const Edge& e : edges) ++begin[g.position[by_successor ? e.to : e.from] + 1];
  for (std::size_t p = 0; p < n; ++p) begin[p + 1] += begin[p];
  links.resize(edges.size());
  std::vector<std::uint32_t> fill(begin.begin(), begin.end() - 1);
  for (const Edge& e : edges) {
    const std::uint32_t key = g.position[by_successor ? e.to : e.from];
    const std::uint32_t other = g.position[by_successor ? e.from : e.to];
    links[fill[key]++] = ScheduleLink{other, e.from_finish, e.to_finish, e.lag};
  }
}

}  // namespace

std::optional<std::int64_t> ticks_of(double days) {
  if (!std::isfinite(days)) return std::nullopt;
  return std::llround(std::clamp(days, -kMaxDays, kMaxDays) * static_cast<double>(kTicksPerDay));
}

std::int64_t start_day_of(std::int64_t ticks) { return floor_div(ticks, kTicksPerDay); }

std::int64_t finish_day_of(std::int64_t ticks) {
  return std::max<std::int64_t>(0, floor_div(ticks + kTicksPerDay - 1, kTicksPerDay) - 1);
}

ScheduleGraph build_schedule_graph(const ScheduleInput& input) {
  ScheduleGraph g;
  g.days = WorkingDays(input.project_start, input.calendar);
  const std::size_t n = input.tasks.size();

  IdIndex index(n);
  for (std::uint32_t i = 0; i < n; ++i)
    if (index.insert(input.tasks[i].id, i) != i) add_problem(g.problems, ScheduleProblemKind::duplicate_task, input.tasks[i].id);

  std::vector<Edge> edges;
  edges.reserve(input.dependencies.size());
  for (std::size_t k = 0; k < input.dependencies.size(); ++k) {
    const ScheduleDependency& d = input.dependencies[k];
    const std::uint32_t from = index.find(d.predecessor), to = index.find(d.successor);
    if (from == kNone) add_problem(g.problems, ScheduleProblemKind::unknown_task, d.predecessor, k);
    if (to == kNone) add_problem(g.problems, ScheduleProblemKind::unknown_task, d.successor, k);
    if (from == kNone || to == kNone) continue;
    const std::optional<std::int64_t> lag = ticks_of(d.lag_days);
    if (!lag) add_problem(g.problems, ScheduleProblemKind::invalid_number, d.successor, k);
    const bool from_finish = d.type == DependencyType::finish_to_start || d.type == DependencyType::finish_to_finish;
    const bool to_finish = d.type == DependencyType::finish_to_finish || d.type == DependencyType::start_to_finish;
    edges.push_back(Edge{from, to, from_finish, to_finish, lag.value_or(0)});
  }

  Adjacency adjacency = successors(n, edges);
  g.order = kahn_order(n, adjacency);
  if (g.order.size() < n) {
    break_cycles(input, edges, adjacency, g.order, g.problems);
    adjacency = successors(n, edges);
    g.order = kahn_order(n, adjacency);
  }

  g.position.assign(n, 0);
  g.duration.assign(n, 0);
  g.not_before.assign(n, 0);
  for (std::uint32_t p = 0; p < n; ++p) {
    const ScheduleTask& task = input.tasks[g.order[p]];
    g.position[g.order[p]] = p;
    const std::optional<std::int64_t> duration = ticks_of(task.duration_days);
    if (!duration || *duration < 0) add_problem(g.problems, ScheduleProblemKind::invalid_number, task.id);
    g.duration[p] = std::max<std::int64_t>(0, duration.value_or(0));
    if (task.pinned_start)
      g.not_before[p] = std::max<std::int64_t>(0, g.days.index_of(*task.pinned_start) * kTicksPerDay);
  }
  fill_links(g, edges, true, g.pred_begin, g.preds);
  fill_links(g, edges, false, g.succ_begin, g.succs);
  return g;
}

std::int64_t forward_pass(const ScheduleGraph& graph, std::span<const std::int64_t> duration,
                          std::span<std::int64_t> start, std::span<std::int64_t> finish) {
  std::int64_t project = 0;
  for (std::size_t p = 0; p < graph.size(); ++p) {
    const std::int64_t d = duration[p];
    std::int64_t earliest = graph.not_before[p];
    for (std::uint32_t k = graph.pred_begin[p]; k < graph.pred_begin[p + 1]; ++k) {
      const ScheduleLink& link = graph.preds[k];
      const std::int64_t bound = (link.from_finish ? finish[link.other] : start[link.other]) + link.lag;
      earliest = std::max(earliest, link.to_finish ? bound - d : bound);
    }
    start[p] = earliest;
    finish[p] = earliest + d;
    project = std::max(project, finish[p]);
  }
  return project;
}

}  // namespace cairn
