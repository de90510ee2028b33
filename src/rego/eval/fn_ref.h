#pragma once

#include <type_traits>
#include <utility>

namespace golden::rego {

/// A non-owning reference to a callable (like std::function_ref): two words, never
/// allocates. The referenced callable must outlive the FnRef; passing a lambda directly as
/// an argument is always safe.
template <typename Sig>
class FnRef;

template <typename R, typename... A>
class FnRef<R(A...)> {
 public:
  template <typename F,
            typename = std::enable_if_t<!std::is_same_v<std::decay_t<F>, FnRef>>>
  FnRef(F&& f) noexcept  // NOLINT: implicit by design
      : obj_(const_cast<void*>(static_cast<const void*>(&f))),
        call_([](void* o, A... a) -> R {
          return (*static_cast<std::remove_reference_t<F>*>(o))(std::forward<A>(a)...);
        }) {}

  R operator()(A... a) const { return call_(obj_, std::forward<A>(a)...); }

 private:
  void* obj_;
  R (*call_)(void*, A...);
};

}  // namespace golden::rego
