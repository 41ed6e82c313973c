#include "load-tests/load/baseline_server.h"

#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>
#include <signal.h>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <cstdio>
#include <stdexcept>
#include <thread>

#include "relais/v1/intake.grpc.pb.h"

namespace relais::loadtests {
namespace {

// A reply shaped like relaisd's for a queued contact, so both servers send messages of about
// the same size.
v1::SubmitReply constantReply() {
  v1::SubmitReply r;
  r.set_outcome(v1::OUTCOME_QUEUED);
  r.set_queue("general");
  r.set_position(1);
  r.set_estimated_wait_seconds(360);
  auto* reading = r.mutable_reading();
  reading->set_intent(v1::INTENT_STATUS_REQUEST);
  reading->set_urgency(10);
  reading->set_reassurance(20);
  reading->set_status_only(true);
  reading->set_gist("je voudrais savoir où en est ma demande de réparation");
  reading->add_reasons("intent: 'où en est'");
  return r;
}

class BaselineIntake final : public v1::ContactIntake::CallbackService {
 public:
  explicit BaselineIntake(boost::asio::strand<boost::asio::io_context::executor_type>& strand)
      : strand_(strand), reply_(constantReply()) {}

  grpc::ServerUnaryReactor* Submit(grpc::CallbackServerContext* ctx, const v1::Contact* request,
                                   v1::SubmitReply* reply) override {
    auto* reactor = ctx->DefaultReactor();
    // Same hop as relaisd: the callback thread only posts; the strand finishes the call.
    boost::asio::post(strand_, [this, reactor, request, reply] {
      *reply = reply_;
      reply->set_contact_id(request->contact_id());
      reactor->Finish(grpc::Status::OK);
    });
    return reactor;
  }

 private:
  boost::asio::strand<boost::asio::io_context::executor_type>& strand_;
  const v1::SubmitReply reply_;
};

}  // namespace

struct BaselineServer::Impl {
  boost::asio::io_context io;
  boost::asio::strand<boost::asio::io_context::executor_type> strand{boost::asio::make_strand(io)};
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> guard{io.get_executor()};
  BaselineIntake service{strand};
  std::unique_ptr<grpc::Server> server;
  std::thread io_thread;
  std::string address;
  bool stopped = false;
};

BaselineServer::BaselineServer(const std::string& listen) : impl_(std::make_unique<Impl>()) {
  grpc::EnableDefaultHealthCheckService(true);
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(listen, grpc::InsecureServerCredentials(), &port);
  builder.RegisterService(&impl_->service);
  impl_->server = builder.BuildAndStart();
  if (!impl_->server || port == 0) {
    throw std::runtime_error("baseline: cannot listen on " + listen);
  }
  impl_->address = listen.substr(0, listen.rfind(':')) + ":" + std::to_string(port);
  impl_->io_thread = std::thread([this] { impl_->io.run(); });
}

BaselineServer::~BaselineServer() { shutdown(); }

const std::string& BaselineServer::address() const { return impl_->address; }

void BaselineServer::shutdown() {
  if (impl_->stopped) {
    return;
  }
  impl_->stopped = true;
  // In-flight calls finish on the strand, which keeps running until Shutdown returns.
  impl_->server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(5));
  impl_->guard.reset();
  impl_->io.stop();
  impl_->io_thread.join();
  impl_->server->Wait();
}

int serveBaselineUntilSignalled(const std::string& listen) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  // Blocked before any thread starts, so only sigwait below sees them.
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  try {
    BaselineServer server(listen);
    std::printf("READY grpc=%s\n", server.address().c_str());
    std::fflush(stdout);
    int signal = 0;
    sigwait(&signals, &signal);
    server.shutdown();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "relais-load --serve-baseline: %s\n", e.what());
    return 1;
  }
  return 0;
}

}  // namespace relais::loadtests
