#!/bin/sh
# Writes target/ivh, the `ivh` command: the CLI jar run with the fastest start-up settings this
# JDK offers. Called by `mvn package` (maven-antrun-plugin, after the shade plugin made the jar).
#   $1 the JDK's java executable (the one running the build), $2 the CLI jar, $3 the target dir.
# Start-up settings, each measured by `mvn -B -Pbench verify` (README, Performance):
#   - an AppCDS archive (target/ivh.jsa) of the classes one `ivh validate` loads, recorded here by
#     a training run; the JVM maps it instead of loading and verifying those classes again;
#   - -XX:TieredStopAtLevel=1: C1 only; a command that runs for a second gains nothing from C2.
# Not -XX:+UseSerialGC: on JDK 17 the default archive's heap objects (the module graph among them)
# map only with G1, and without them the JVM spent 25-90 ms more setting up its module system.
set -eu
java="$1"
jar="$2"
target="$3"
archive="$target/ivh.jsa"
sample="$target/ivh-cds-training.json"

# Valid with a warning, so the classes that report a finding are in the archive too.
printf '%s\n' '{"RefVideoUrl":"https://cdn.example.com/template.mp4","DriverType":"Text","InputSsml":"Hello","SpeechParam":{"TimbreKey":"female_1","Speed":1.0,"Volume":1}}' > "$sample"
rm -f "$archive" "$archive.tmp"
# The training run's own output is not wanted; its exit code is (0: the sample is valid). The
# archive takes its name only when complete: a truncated archive crashes the JVM that maps it.
"$java" -XX:ArchiveClassesAtExit="$archive.tmp" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -XX:TieredStopAtLevel=1 -jar "$jar" validate "$sample" > /dev/null
mv "$archive.tmp" "$archive"
rm -f "$sample"

cat > "$target/ivh" <<LAUNCHER
#!/bin/sh
# ivh: the IVH video gateway command line. Made by \`mvn package\` from src/build/make-ivh-launcher.sh.
# It uses the JDK that built it (its class-data archive fits only that JVM); IVH_JAVA overrides it.
# Follow links (e.g. ~/bin/ivh -> target/ivh) to the directory that holds the jar.
self=\$0
while [ -h "\$self" ]; do
  link=\$(readlink "\$self")
  case \$link in
    /*) self=\$link ;;
    *) self=\$(dirname -- "\$self")/\$link ;;
  esac
done
here=\$(CDPATH= cd -- "\$(dirname -- "\$self")" && pwd)
java="\${IVH_JAVA:-$java}"
flags="-XX:TieredStopAtLevel=1"
if [ -z "\${IVH_JAVA:-}" ] && [ -f "\$here/ivh.jsa" ]; then
  exec "\$java" -XX:SharedArchiveFile="\$here/ivh.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \$flags \\
    -jar "\$here/$(basename "$jar")" "\$@"
fi
exec "\$java" \$flags -jar "\$here/$(basename "$jar")" "\$@"
LAUNCHER
chmod +x "$target/ivh"
