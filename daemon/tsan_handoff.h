// grpcHandoffRelease / grpcHandoffAcquire: tell ThreadSanitizer where control passes between
// relais code and gRPC. Debian's gRPC is not instrumented and synchronises its threads with
// abseil primitives TSan cannot see, so without these edges every object built on one thread
// and used from a gRPC callback on another looks like a race. No-ops outside TSan builds.
#pragma once

#if defined(__SANITIZE_THREAD__)
extern "C" void __tsan_acquire(void* addr);
extern "C" void __tsan_release(void* addr);
#endif

namespace relais::daemon {

#if defined(__SANITIZE_THREAD__)
inline char grpc_handoff_token;
// Before handing anything to gRPC: starting the server, returning a reactor, Finish, StartWrite.
inline void grpcHandoffRelease() { __tsan_release(&grpc_handoff_token); }
// First thing in every callback gRPC makes into relais code.
inline void grpcHandoffAcquire() { __tsan_acquire(&grpc_handoff_token); }
#else
inline void grpcHandoffRelease() {}
inline void grpcHandoffAcquire() {}
#endif

}  // namespace relais::daemon
