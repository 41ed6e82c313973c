// RoutingLoop: the one strand that owns the Core. gRPC handlers post work to it; the work's
// writes are committed together at the end of the strand's current batch (group commit), and
// only then are the RPCs finished. It also fires the router's timers and refreshes gauges.
// post() and offload() are safe from any thread; everything else runs on the strand. The
// io_context it is given may be run by several threads: the strand keeps routing state to one
// at a time, and offloaded work (long reads, finishing RPCs) uses the others.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/defer.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <vector>

#include "daemon/core.h"

namespace relais::daemon {

class RoutingLoop {
 public:
  RoutingLoop(boost::asio::io_context& io, Core& core, Metrics& metrics, Core::Clock clock);

  // Runs `fn` off the strand, on any thread running the io_context: work that needs no routing
  // state (reading a long contact, finishing an RPC, whose reply gRPC writes to the socket
  // inline). Sharing the strand's threads, rather than a pool of its own, lets a read continue
  // into its routing step on the same thread without a wake-up.
  template <typename Fn>
  void offload(Fn&& fn) {
    boost::asio::post(io_, std::forward<Fn>(fn));
  }

  template <typename Fn>
  void post(Fn&& fn) {
    auto work = [this, fn = std::forward<Fn>(fn)]() mutable {
      fn();
      afterWork();
    };
    // defer, not post: called from a thread running the io_context (a read that has just
    // finished), the strand's turn is queued on that same thread instead of waking another.
    boost::asio::defer(strand_, std::move(work));
  }

  // On the strand: runs `done` once every write made so far is durable. `done` gets the storage
  // error, if the commit failed.
  void whenDurable(std::function<void(const std::optional<std::string>&)> done);

  // On the strand: runs `fn` off the strand like offload(), but when called from a `done` of
  // whenDurable, the whole batch's functions are offloaded as two tasks instead of one task (and
  // one wake-up) per RPC.
  void offloadAfterFlush(std::function<void()> fn);

  // Starts the periodic tick (timers, gauges). On the strand or before io.run().
  void start();
  // Stops timers and commits what is pending. On the strand.
  void stop();

  bool onStrand() const { return strand_.running_in_this_thread(); }

 private:
  void afterWork();
  void flush();
  void armDeadline();
  void tick();

  boost::asio::io_context& io_;
  Core& core_;
  Metrics& metrics_;
  Core::Clock clock_;
  boost::asio::strand<boost::asio::io_context::executor_type> strand_;
  boost::asio::steady_timer tick_timer_;
  boost::asio::steady_timer deadline_timer_;
  std::optional<routing::Instant> armed_for_;
  std::vector<std::function<void(const std::optional<std::string>&)>> waiting_;
  std::vector<std::function<void()>> after_flush_;
  bool flushing_ = false;
  bool flush_posted_ = false;
  bool stopped_ = false;
};

}  // namespace relais::daemon
