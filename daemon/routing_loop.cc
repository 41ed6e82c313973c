#include "daemon/routing_loop.h"

#include <spdlog/spdlog.h>

namespace relais::daemon {

RoutingLoop::RoutingLoop(boost::asio::io_context& io, Core& core, Metrics& metrics,
                         Core::Clock clock)
    : io_(io),
      core_(core),
      metrics_(metrics),
      clock_(std::move(clock)),
      strand_(boost::asio::make_strand(io)),
      tick_timer_(strand_),
      deadline_timer_(strand_) {}

void RoutingLoop::whenDurable(std::function<void(const std::optional<std::string>&)> done) {
  waiting_.push_back(std::move(done));
  if (!flush_posted_) {
    // Queued, not run now: handlers already queued on the strand join this batch and share
    // its transaction.
    flush_posted_ = true;
    boost::asio::defer(strand_, [this] { flush(); });
  }
}

void RoutingLoop::offloadAfterFlush(std::function<void()> fn) {
  if (flushing_) {
    after_flush_.push_back(std::move(fn));
  } else {
    offload(std::move(fn));
  }
}

void RoutingLoop::flush() {
  flush_posted_ = false;
  auto error = core_.commit();
  if (error) {
    spdlog::error("storage commit failed: {}", *error);
  }
  auto batch = std::move(waiting_);
  waiting_.clear();
  flushing_ = true;
  for (auto& done : batch) {
    done(error);
  }
  flushing_ = false;
  if (after_flush_.empty()) {
    return;
  }
  // Two tasks, so that two threads can share a large batch.
  using Batch = std::vector<std::function<void()>>;
  auto all = std::make_shared<Batch>(std::move(after_flush_));
  after_flush_.clear();
  const std::size_t half = all->size() / 2;
  auto run = [all](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
      (*all)[i]();
    }
  };
  if (half > 0) {
    offload([run, half] { run(0, half); });
  }
  offload([run, half, n = all->size()] { run(half, n); });
}

void RoutingLoop::afterWork() {
  if (!stopped_) {
    armDeadline();
  }
}

void RoutingLoop::armDeadline() {
  auto next = core_.nextDeadline();
  if (!next || (armed_for_ && *armed_for_ <= *next)) {
    return;
  }
  armed_for_ = next;
  const auto delay = std::max(routing::Duration(0), *next - clock_());
  deadline_timer_.expires_after(delay);
  deadline_timer_.async_wait([this](const boost::system::error_code& ec) {
    if (ec || stopped_) {
      return;
    }
    armed_for_.reset();
    core_.advance();
    armDeadline();
    if (core_.commit()) {
      metrics_.storage_errors.Add({}).Increment();
    }
  });
}

void RoutingLoop::start() {
  boost::asio::post(strand_, [this] { tick(); });
}

void RoutingLoop::tick() {
  if (stopped_) {
    return;
  }
  core_.advance();
  core_.refreshGauges();
  core_.purgeExpired();
  armed_for_.reset();
  deadline_timer_.cancel();
  armDeadline();
  if (auto error = core_.commit()) {
    spdlog::error("storage commit failed: {}", *error);
  }
  tick_timer_.expires_after(std::chrono::seconds(1));
  tick_timer_.async_wait([this](const boost::system::error_code& ec) {
    if (!ec) {
      tick();
    }
  });
}

void RoutingLoop::stop() {
  stopped_ = true;
  tick_timer_.cancel();
  deadline_timer_.cancel();
  flush();
}

}  // namespace relais::daemon
