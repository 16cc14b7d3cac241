#include "support/non_secrets.h"

#include <random>

namespace cg::testing {
namespace {

class Gen {
 public:
  explicit Gen(unsigned seed) : rng_(seed) {}
  std::string Chars(size_t n, const std::string& alphabet) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s += alphabet[rng_() % alphabet.size()];
    return s;
  }
  std::string Hex(size_t n) { return Chars(n, "0123456789abcdef"); }
  std::string B64(size_t n) { return Chars(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"); }
  std::string Word() { return Chars(3 + rng_() % 8, "abcdefghijklmnopqrstuvwxyz"); }
  std::string Uuid() { return Hex(8) + "-" + Hex(4) + "-4" + Hex(3) + "-a" + Hex(3) + "-" + Hex(12); }
  unsigned Int(unsigned n) { return rng_() % n; }

 private:
  std::mt19937 rng_;
};

std::string PackageLock(Gen& g, int n) {
  std::string s = "{\n  \"name\": \"cohort-dashboard\",\n  \"lockfileVersion\": 3,\n  \"packages\": {\n";
  for (int i = 0; i < n; ++i) {
    std::string name = g.Word() + "-" + g.Word();
    s += "    \"node_modules/" + name + "\": {\n      \"version\": \"" + std::to_string(g.Int(9)) + "." +
         std::to_string(g.Int(20)) + ".0\",\n      \"resolved\": \"https://npm.example.invalid/" + name + "/-/" + name +
         "-1.0.0.tgz\",\n      \"integrity\": \"sha512-" + g.B64(86) + "==\",\n      \"dev\": true\n    },\n";
  }
  s += "    \"node_modules/js-tokens\": {\"version\": \"4.0.0\", \"integrity\": \"sha512-" + g.B64(86) + "==\"}\n  }\n}\n";
  return s;
}

std::string YarnAndPoetryLocks(Gen& g, int n) {
  std::string s = "# yarn lockfile v1\n\n";
  for (int i = 0; i < n; ++i)
    s += g.Word() + "@^1.0.0:\n  version \"1.0." + std::to_string(g.Int(9)) + "\"\n  resolved \"https://yarn.example.invalid/x/-/x-1.0.0.tgz#" +
         g.Hex(40) + "\"\n  integrity sha512-" + g.B64(86) + "==\n\n";
  s += "\n# poetry.lock\n";
  for (int i = 0; i < n; ++i)
    s += "[[package]]\nname = \"" + g.Word() + "\"\nversion = \"2.1.0\"\nfiles = [\n    {file = \"pkg-2.1.0.tar.gz\", hash = \"sha256:" +
         g.Hex(64) + "\"},\n]\n\n";
  s += "[metadata]\ncontent-hash = \"" + g.Hex(64) + "\"\n";
  return s;
}

std::string Checksums(Gen& g, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += g.Hex(64) + "  data/chr" + std::to_string(1 + g.Int(22)) + "_" + g.Word() + ".bgen\n";
  for (int i = 0; i < n; ++i) s += "MD5 (" + g.Word() + ".vcf.gz) = " + g.Hex(32) + "\n";
  for (int i = 0; i < n; ++i) s += "commit " + g.Hex(40) + "\nsample_uuid: " + g.Uuid() + "\n";
  return s;
}

std::string MinifiedJs(Gen& g, int n) {
  std::string s = "!function(e,t){\"use strict\";";
  for (int i = 0; i < n; ++i) {
    std::string a = g.Word(), b = g.Word();
    s += "var " + a + "=function(e){return e." + b + "?e.token:t." + a + "(e)},";
    s += b + "={apiKey:e.apiKey,token:t.token,password:void 0,id:\"" + g.Uuid() + "\",h:\"" + g.Hex(40) + "\"};";
    s += "if(e.secret===t.secret){" + a + "." + b + "=\"" + g.Chars(12, "abcdefghijklmnopqrstuvwxyz") + "\"}";
  }
  s += "}(window,document);\n";
  return s;
}

std::string NotebookWithImages(Gen& g, int n) {
  std::string s = "{\n \"cells\": [\n";
  for (int i = 0; i < n; ++i) {
    s += "  {\"cell_type\": \"code\", \"metadata\": {}, \"source\": [\"import matplotlib.pyplot as plt\\n\", "
         "\"token = os.environ['HF_TOKEN']\\n\", \"plt.hist(df['21001-0.0'])\"], \"outputs\": [{\"data\": {\"image/png\": \"iVBORw0KGgoAAAANSUhEUgAA";
    for (int line = 0; line < 40; ++line) s += g.B64(76);
    s += "\\n\", \"text/plain\": [\"<Figure size 640x480 with 1 Axes>\"]}, \"output_type\": \"display_data\"}]},\n";
  }
  s += "  {\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": [\"Done.\"]}\n ],\n \"nbformat\": 4\n}\n";
  return s;
}

std::string CodeAndConfig(Gen& g) {
  return "import os\n"
         "password = os.environ['DB_PASSWORD']\n"
         "token = request.args.get('token')\n"
         "api_key = get_secret('api-key')\n"
         "if password == \"\":\n    raise ValueError('no password')\n"
         "DATABASE_URL = f\"postgresql://{user}:{password}@{host}/cohort\"\n"
         "engine = create_engine('postgresql://analyst:${DB_PASSWORD}@db/ukb')\n"
         "# Set AWS_SECRET_ACCESS_KEY in your environment, e.g. wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"
         "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
         "dx login --token $DX_API_TOKEN\n"
         "password_hash = \"" + g.Hex(64) + "\"\n"
         "session_token_ttl = 3600\n"
         "secret_name: projects/ukb/secrets/db-password/versions/latest\n"
         "token_type: Bearer\n"
         "request_id = \"" + g.Uuid() + "\"\n";
}

}  // namespace

std::vector<std::pair<std::string, std::string>> NonSecretCorpus(unsigned seed, int scale) {
  Gen g(seed);
  return {
      {"web/package-lock.json", PackageLock(g, 200 * scale)},
      {"locks/yarn_and_poetry.lock", YarnAndPoetryLocks(g, 150 * scale)},
      {"data/SHA256SUMS", Checksums(g, 300 * scale)},
      {"web/app.min.js", MinifiedJs(g, 300 * scale)},
      {"notebooks/plots.ipynb", NotebookWithImages(g, 20 * scale)},
      {"analysis/load.py", CodeAndConfig(g)},
  };
}

}  // namespace cg::testing
