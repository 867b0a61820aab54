// The Python module `galley._galley` (pybind11), wrapped by galley/__init__.py: read a
// document into the article model (as the galley-article/1 dict), convert it to any
// format, and walk a web archive's records. Every conversion runs with the GIL
// released, so Python threads convert in parallel.
#include <optional>
#include <string>
#include <vector>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <galley/galley.hpp>
#include <galley/inputs.hpp>

namespace py = pybind11;

namespace {

galley::DateOrder date_order_named(const std::string& name) {
  if (name == "auto") return galley::DateOrder::Auto;
  if (name == "day-first") return galley::DateOrder::DayFirst;
  if (name == "month-first") return galley::DateOrder::MonthFirst;
  throw py::value_error("date_order must be 'auto', 'day-first' or 'month-first', not '" + name +
                        "'");
}

galley::ReadOptions read_options(const std::string& base_url, const std::string& date_order,
                                 bool recover, double timeout, std::size_t max_input_bytes) {
  galley::ReadOptions options;
  options.base_url = base_url;
  options.date_order = date_order_named(date_order);
  options.recover = recover;
  options.time_budget = std::chrono::milliseconds(static_cast<long long>(timeout * 1000));
  options.max_input_bytes = max_input_bytes;
  return options;
}

// The article as the JSON model, parsed by Python's json module into a dict.
py::object as_dict(const std::string& json) {
  static py::object loads = py::module_::import("json").attr("loads");
  return loads(json);
}

// `format` of the article: text formats as str, EPUB (a zip) as bytes.
py::object rendered(std::string bytes, const std::string& format) {
  const auto* writer = galley::Registry::builtin().find_writer(format);
  if (writer && writer->info.name == "epub") return py::bytes(bytes);
  return py::str(bytes);
}

struct Converted {
  std::string json;  ///< the model, or the output in `to`
  std::vector<std::string> warnings;
};

Converted convert_bytes(std::string_view data, const std::string& name,
                        const std::string& media_type, const std::string& from,
                        const std::string& to, const galley::ReadOptions& options) {
  galley::Diagnostics diag;
  const galley::Article article = galley::read({name, data, media_type}, options, diag, from);
  Converted out{galley::write_string(article, to, {}, diag), {}};
  for (const auto& d : diag.all()) out.warnings.push_back(galley::to_string(d));
  return out;
}

// One record of a web archive, converted (or why not), as a dict.
py::dict warc_record(const galley::InputItem& item, galley::InputLoader& loader,
                     const galley::ReadOptions& base) {
  py::dict record;
  record["input"] = item.display();
  py::dict warc;
  warc["record_id"] = item.warc ? item.warc->id : "";
  warc["type"] = item.warc ? item.warc->type : "";
  warc["target_uri"] = item.warc ? item.warc->target_uri : "";
  warc["date"] = item.warc ? item.warc->date : "";
  warc["http_status"] = item.warc ? item.warc->http_status : 0;
  warc["content_type"] = item.warc ? item.warc->content_type : "";
  record["warc"] = warc;
  record["article"] = py::none();
  record["error"] = py::none();
  record["reason"] = py::none();
  record["warnings"] = py::list();
  if (!item.skipped.empty()) {
    record["status"] = "ignored";
    record["reason"] = item.skipped;
    return record;
  }
  Converted converted;
  try {
    py::gil_scoped_release released;
    galley::ReadOptions options = base;
    if (item.warc) options.base_url = item.warc->target_uri;
    const galley::Input input = loader.input(item, options.max_input_bytes);
    converted = convert_bytes(input.bytes, input.name, input.media_type, "", "json", options);
  } catch (const galley::Error& e) {
    record["status"] = "failed";
    record["error"] = std::string(e.what());
    return record;
  }
  record["status"] = "ok";
  record["article"] = as_dict(converted.json);
  record["warnings"] = converted.warnings;
  return record;
}

// Walks the records of the web archives at `paths`, converting each document on the
// way: a generator in Python (galley.iter_warc), in the memory of one record however
// many the archives hold.
class WarcWalk {
 public:
  WarcWalk(const std::vector<std::string>& paths, galley::ReadOptions options)
      : options_(std::move(options)), walker_(paths) {}
  py::dict next() {
    std::optional<galley::InputItem> item;
    {
      py::gil_scoped_release released;
      item = walker_.next();
    }
    if (!item) throw py::stop_iteration();
    return warc_record(*item, loader_, options_);
  }

 private:
  galley::ReadOptions options_;
  galley::InputWalker walker_;
  galley::InputLoader loader_;
};

}  // namespace

PYBIND11_MODULE(_galley, m) {
  m.doc() = "galley: articles from web pages, PDFs and plain text into clean formats";
  m.attr("__version__") = galley::version();

  // galley.Error: code ("Malformed", "Unsupported"...), input and message, as the C++
  // galley::Error carries them.
  static py::exception<galley::Error> error(m, "Error");
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const galley::Error& e) {
      py::object instance = py::reinterpret_borrow<py::object>(error)(e.what());
      instance.attr("code") = galley::to_string(e.code());
      instance.attr("input") = e.input();
      instance.attr("message") = e.message();
      PyErr_SetObject(error.ptr(), instance.ptr());
    }
  });

  m.def(
      "convert",
      [](py::bytes data, const std::string& to, const std::string& from, const std::string& name,
         const std::string& media_type, const std::string& base_url, const std::string& date_order,
         bool recover, double timeout, std::size_t max_input_bytes) {
        char* buffer = nullptr;
        Py_ssize_t size = 0;
        PyBytes_AsStringAndSize(data.ptr(), &buffer, &size);
        // `data` keeps the buffer alive (and bytes are immutable) while the GIL is off.
        const std::string_view bytes(buffer, static_cast<std::size_t>(size));
        const auto options = read_options(base_url, date_order, recover, timeout, max_input_bytes);
        Converted converted;
        {
          py::gil_scoped_release released;
          converted = convert_bytes(bytes, name, media_type, from, to, options);
        }
        return py::make_tuple(rendered(std::move(converted.json), to), converted.warnings);
      },
      py::arg("data"), py::arg("to"), py::arg("from_") = "", py::arg("name") = "<bytes>",
      py::arg("media_type") = "", py::arg("base_url") = "", py::arg("date_order") = "auto",
      py::arg("recover") = true, py::arg("timeout") = 0.0,
      py::arg("max_input_bytes") = galley::ReadOptions{}.max_input_bytes);

  m.def("formats", [] {
    py::dict out;
    py::list readers, writers;
    for (const auto& r : galley::Registry::builtin().readers()) readers.append(r.info.name);
    for (const auto& w : galley::Registry::builtin().writers()) writers.append(w.info.name);
    out["readers"] = readers;
    out["writers"] = writers;
    return out;
  });

  py::class_<WarcWalk>(m, "WarcWalk")
      .def(py::init([](const std::vector<std::string>& paths, const std::string& date_order,
                       bool recover, double timeout, std::size_t max_input_bytes) {
             return WarcWalk(paths,
                             read_options("", date_order, recover, timeout, max_input_bytes));
           }),
           py::arg("paths"), py::arg("date_order") = "auto", py::arg("recover") = true,
           py::arg("timeout") = 0.0,
           py::arg("max_input_bytes") = galley::ReadOptions{}.max_input_bytes)
      .def("__iter__", [](WarcWalk& self) -> WarcWalk& { return self; })
      .def("__next__", &WarcWalk::next);
}
