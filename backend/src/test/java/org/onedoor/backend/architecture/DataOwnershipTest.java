package org.onedoor.backend.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Each feature owns its collections: no class outside the owner touches them through the store. The table below is
 * the ownership statement (a new collection needs a row); the test reads the compiled main classes and finds every
 * store call, whether it names the collection by a document class ({@code Need.class}) or by a name
 * ({@code "case_files"}, a constant included, since the compiler copies constants into the caller), and every
 * construction of a document (the object an {@code insert} or {@code save} is given).
 *
 * <p>It sees a name held in a local variable, a name before a lambda ({@code execute("name", c -> …)}) and the
 * aggregation stages that name another collection ({@code lookup}, {@code out}, {@code unionWith}, {@code merge}); a
 * fixture of each kind proves it. What it cannot see: a name computed at run time or passed through a field or a
 * parameter (platform's {@code DailySnapshots} takes its caller's name), a raw {@code $lookup} document, and the save
 * of a document object obtained from its owner's API. Such code must stay with the owner, as the code here does.
 */
class DataOwnershipTest {

  /** Collection → the feature module that owns it. */
  static final Map<String, String> OWNERS = Map.ofEntries(
      Map.entry("townships", "geography"),
      Map.entry("accounts", "identity"), Map.entry("account_audit", "identity"),
      Map.entry("oauth2_authorizations", "identity"), Map.entry("oauth2_consents", "identity"),
      Map.entry("oauth2_registered_clients", "identity"), Map.entry("signing_keys", "identity"),
      Map.entry("sign_in_failures", "identity"), Map.entry("session_starts", "identity"),
      Map.entry("case_files", "casefiles"), Map.entry("home_visits", "casefiles"),
      Map.entry("case_file_history", "casefiles"), Map.entry("file_access_log", "casefiles"),
      Map.entry("needs", "needs"), Map.entry("statistics_snapshots", "needs"),
      Map.entry("board_stamp", "needs"), Map.entry("board_changes", "needs"),
      Map.entry("volunteers", "registry"), Map.entry("caring_families", "registry"),
      Map.entry("children_homes", "registry"), Map.entry("organisations", "registry"),
      Map.entry("care_network_snapshots", "registry"),
      Map.entry("intakes", "intake"), Map.entry("handling_tasks", "intake"), Map.entry("escalations", "intake"),
      Map.entry("offers", "matching"), Map.entry("matches", "matching"), Map.entry("allocation_runs", "matching"),
      Map.entry("placements", "matching"), Map.entry("match_audit", "matching"),
      Map.entry("conflicts_of_interest", "matching"), Map.entry("offerer_records", "matching"),
      Map.entry("offer_stamp", "matching"),
      Map.entry("notifications", "notifications"),
      Map.entry("screening_campaigns", "oversight"), Map.entry("screening_reports", "oversight"),
      Map.entry("oversight_coverage", "oversight"),
      Map.entry("safety_cases", "safety"),
      Map.entry("safety_state", "safety"),
      Map.entry("remit_actions", "casefiles"),
      Map.entry("erasures", "privacy"), Map.entry("guardian_requests", "privacy"),
      Map.entry("leases", "platform"), Map.entry("rate_limits", "platform"), Map.entry("cursor_keys", "platform"),
      Map.entry("encryption_keys", "platform"),
      Map.entry("encryption_state", "platform"));

  private static final String BASE = "org/onedoor/backend/";
  private static final Path CLASSES = Path.of("target", "classes", "org", "onedoor", "backend");

  static List<Access> accesses;
  static Map<String, DocumentType> documents;

  @BeforeAll
  static void readTheCompiledClasses() throws IOException {
    accesses = new ArrayList<>();
    documents = new java.util.HashMap<>();
    try (Stream<Path> files = Files.walk(CLASSES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        read(file, accesses);
      }
    }
  }

  private static void read(Path file, List<Access> into) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      new ClassReader(in).accept(new Reader(into), ClassReader.SKIP_FRAMES);
    }
  }

  @Test
  void the_detector_finds_every_kind_of_reach_in_planted_in_a_fixture() throws IOException {
    List<Access> planted = new ArrayList<>();
    read(Path.of("target", "test-classes", "org", "onedoor", "backend", "oversight", "OwnershipFixture.class"),
        planted);

    assertThat(violations(planted, documents)).containsExactlyInAnyOrder(
        "oversight.OwnershipFixture.byDocumentClass uses needs (owned by needs)",
        "oversight.OwnershipFixture.byName uses case_files (owned by casefiles)",
        "oversight.OwnershipFixture.byNameInAVariable uses accounts (owned by identity)",
        "oversight.OwnershipFixture.byNameBeforeALambda uses intakes (owned by intake)",
        "oversight.OwnershipFixture.byLookup uses home_visits (owned by casefiles)",
        "oversight.OwnershipFixture.byOut uses offers (owned by matching)");
  }

  @Test
  void everyDocumentTypeIsInTheTableUnderItsOwnModule() {
    assertThat(documents).as("document types found").hasSizeGreaterThan(10);
    documents.values().forEach(document -> assertThat(OWNERS.get(document.collection()))
        .as("owner of %s (%s)", document.collection(), document.className()).isEqualTo(document.module()));
  }

  @Test
  void everyCollectionUsedByNameIsInTheTable() {
    Set<String> unknown = new TreeSet<>();
    accesses.stream().filter(a -> a.collection() != null && !OWNERS.containsKey(a.collection()))
        .forEach(a -> unknown.add(a.collection() + " (" + a.where() + ")"));
    assertThat(unknown).as("collections used by name with no owner in the table").isEmpty();
    assertThat(accesses).as("store calls naming a collection").hasSizeGreaterThan(50);
  }

  @Test
  void noFeatureTouchesAnotherFeaturesCollections() {
    List<String> violations = violations(accesses, documents);
    assertThat(violations).as("store access to another feature's collection").isEmpty();
  }

  static List<String> violations(List<Access> accesses, Map<String, DocumentType> documents) {
    List<String> violations = new ArrayList<>();
    for (Access access : accesses) {
      String collection = access.collection() != null ? access.collection()
          : documents.containsKey(access.documentClass()) ? documents.get(access.documentClass()).collection() : null;
      if (collection == null) {
        continue;
      }
      String owner = OWNERS.get(collection);
      if (owner != null && !owner.equals(access.module())) {
        violations.add(access.where() + " uses " + collection + " (owned by " + owner + ")");
      }
    }
    return violations;
  }

  /** A document type: its class, the module it lives in and its collection. */
  record DocumentType(String className, String module, String collection) {
  }

  /**
   * A reference to a collection found in a method of module {@code module}: either a name passed to a store call
   * ({@code collection}) or a class literal ({@code documentClass}), which counts when that class is a document.
   */
  record Access(String module, String where, String collection, String documentClass) {
  }

  static String moduleOf(String internalName) {
    if (!internalName.startsWith(BASE)) {
      return null;
    }
    String rest = internalName.substring(BASE.length());
    int slash = rest.indexOf('/');
    return slash < 0 ? null : rest.substring(0, slash);
  }

  /** Spring Data's store operations (not its query, update or aggregation builders) and the driver's database. */
  static boolean isStoreCall(String owner) {
    String core = "org/springframework/data/mongodb/core/";
    return owner.startsWith(core) && owner.indexOf('/', core.length()) < 0
        || owner.equals(core + "index/IndexOperations") || owner.equals("com/mongodb/client/MongoDatabase");
  }

  /** Reads one class: its {@code @Document} annotation and, per method, the store calls and class literals. */
  private static final class Reader extends ClassVisitor {

    private final List<Access> accesses;
    private String className;
    private String module;

    Reader(List<Access> accesses) {
      super(Opcodes.ASM9);
      this.accesses = accesses;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
        String[] interfaces) {
      this.className = name;
      this.module = moduleOf(name);
    }

    @Override
    public org.springframework.asm.AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
      if (module == null || !descriptor.equals(Type.getDescriptor(Document.class))) {
        return null;
      }
      return new org.springframework.asm.AnnotationVisitor(Opcodes.ASM9) {
        @Override
        public void visit(String name, Object value) {
          if (name.equals("value") || name.equals("collection")) {
            documents.put(className, new DocumentType(className, module, (String) value));
          }
        }
      };
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
        String[] exceptions) {
      if (module == null) {
        return null;
      }
      String where = className.substring(BASE.length()).replace('/', '.') + "." + name;
      return new MethodVisitor(Opcodes.ASM9) {
        /** The last constants pushed, newest last; cleared by any other instruction. */
        private final List<Object> pushed = new ArrayList<>();
        /** Local variables holding a string constant (a collection name kept in a variable). */
        private final java.util.Map<Integer, String> constantLocals = new java.util.HashMap<>();

        @Override
        public void visitLdcInsn(Object value) {
          if (value instanceof Type type && type.getSort() == Type.OBJECT) {
            accesses.add(new Access(module, where, null, type.getInternalName()));
          }
          pushed.add(value);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
          if (owner.startsWith("org/springframework/data/mongodb/core/aggregation/")) {
            // Stages that name another collection: lookup(from, localField, foreignField, as), out, unionWith …
            int at = method.equals("lookup") ? pushed.size() - 4
                : Set.of("from", "out", "unionWith", "intoCollection").contains(method) ? pushed.size() - 1 : -1;
            if (at >= 0 && pushed.get(at) instanceof String collection) {
              accesses.add(new Access(module, where, collection, null));
            }
          }
          if (isStoreCall(owner)) {
            // The collection name is the last argument, or the one before a document class (aggregate(a, name, T)).
            for (int i = pushed.size() - 1; i >= Math.max(0, pushed.size() - 2); i--) {
              if (pushed.get(i) instanceof String collection) {
                accesses.add(new Access(module, where, collection, null));
                break;
              }
            }
          }
          pushed.clear();
        }

        @Override
        public void visitInsn(int opcode) {
          pushed.clear();
        }

        @Override
        public void visitVarInsn(int opcode, int var) {
          if (opcode == Opcodes.ASTORE) {
            if (pushed.size() == 1 && pushed.get(0) instanceof String constant) {
              constantLocals.put(var, constant);
            } else {
              constantLocals.remove(var);
            }
          }
          if (opcode == Opcodes.ALOAD && constantLocals.containsKey(var)) {
            pushed.add(constantLocals.get(var));
            return;
          }
          pushed.clear();
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String field, String desc) {
          pushed.clear();
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
          if (opcode == Opcodes.NEW) {
            // Making a document is the first step of writing it (insert, insertAll, save take any object).
            accesses.add(new Access(module, where, null, type));
          }
          pushed.clear();
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
          pushed.clear();
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String desc, org.springframework.asm.Handle bsm,
            Object... args) {
          // A lambda (execute("name", collection -> …)) leaves the name before it as the call's argument.
          if (!bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory")) {
            pushed.clear();
          }
        }
      };
    }
  }
}
