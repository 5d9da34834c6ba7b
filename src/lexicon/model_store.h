// ModelStore: the models/ directory of one run, and every model loaded
// from it.
//
// Stages and backends are made by factories (stages/stage.h,
// backends/backend.h) before any document is read. Each factory asks the
// store for the models it needs:
//
//   RAINGAN_ASSIGN_OR_RETURN(std::shared_ptr<const UnitLexicon> units,
//                            models->Get<UnitLexicon>());
//
// The first request for a type loads it; later requests, from any stage or
// backend, share that one instance. So a lexicon two stages use (the period
// parser, the header wording) is read and validated once per run, and a new
// lexicon needs no central list to be added to: its type is its key.
//
// A model type T provides one of
//   static Result<T> Load(const std::string& models_dir);
//   static Result<T> Load(ModelStore* models);  // built from other models
// Its errors (a TSV file's "path:line: reason") are returned unchanged.
//
// Not thread-safe: factories run on one thread, before any document. The
// models themselves are immutable once loaded and are shared read-only by
// every thread and every document.
#ifndef RAINGAN_LEXICON_MODEL_STORE_H_
#define RAINGAN_LEXICON_MODEL_STORE_H_

#include <map>
#include <memory>
#include <string>
#include <typeindex>
#include <utility>

#include "base/result.h"

namespace raingan {

class ModelStore {
 public:
  explicit ModelStore(std::string dir) : dir_(std::move(dir)) {}

  ModelStore(const ModelStore&) = delete;
  ModelStore& operator=(const ModelStore&) = delete;

  const std::string& dir() const { return dir_; }

  template <typename T>
  Result<std::shared_ptr<const T>> Get() {
    auto it = loaded_.find(std::type_index(typeid(T)));
    if (it != loaded_.end())
      return std::static_pointer_cast<const T>(it->second);
    Result<T> model = LoadModel<T>();
    if (!model.ok()) return model.status();
    auto shared = std::make_shared<const T>(std::move(model).value());
    loaded_.emplace(std::type_index(typeid(T)), shared);
    return std::shared_ptr<const T>(std::move(shared));
  }

 private:
  template <typename T>
  Result<T> LoadModel() {
    if constexpr (requires(ModelStore * store) { T::Load(store); }) {
      return T::Load(this);
    } else {
      return T::Load(dir_);
    }
  }

  std::string dir_;
  std::map<std::type_index, std::shared_ptr<const void>> loaded_;
};

}  // namespace raingan

#endif  // RAINGAN_LEXICON_MODEL_STORE_H_
