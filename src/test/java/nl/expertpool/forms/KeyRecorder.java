package nl.expertpool.forms;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A submission that notes every key read from it, as a path: {@code flaggedItems[].position} for a
 * key of a dynamic list's row, {@code a.b} for a nested one.
 */
final class KeyRecorder extends AbstractMap<String, Object> {

  private final Map<String, Object> values;
  private final String prefix;
  private final Set<String> read;

  KeyRecorder(Map<String, Object> values, Set<String> read) {
    this(values, "", read);
  }

  private KeyRecorder(Map<String, Object> values, String prefix, Set<String> read) {
    this.values = values;
    this.prefix = prefix;
    this.read = read;
  }

  @Override
  public Object get(Object key) {
    String path = prefix + key;
    read.add(path);
    return wrap(values.get(key), path);
  }

  @Override
  public boolean containsKey(Object key) {
    read.add(prefix + key);
    return values.containsKey(key);
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    throw new UnsupportedOperationException(
        "A mapping must read the keys it needs by name, not walk every entry of " + prefix);
  }

  @SuppressWarnings("unchecked")
  private Object wrap(Object value, String path) {
    if (value instanceof Map<?, ?> map) {
      return new KeyRecorder((Map<String, Object>) map, path + ".", read);
    }
    if (value instanceof List<?> list) {
      var rows = new ArrayList<Object>();
      for (Object item : list) {
        rows.add(
            item instanceof Map<?, ?> row
                ? new KeyRecorder((Map<String, Object>) row, path + "[].", read)
                : item);
      }
      return rows;
    }
    return value;
  }
}
