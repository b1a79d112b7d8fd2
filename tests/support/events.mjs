// Reads Server-Sent Events from a fetch() response body, one JSON message at a time.
export function eventReader(response) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return async function next() {
    while (!buffer.includes('\n\n') || !/^data: /m.test(buffer)) {
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer += decoder.decode(value, { stream: true });
    }
    const m = buffer.match(/^data: (.*)$/m);
    buffer = buffer.slice(buffer.indexOf(m[0]) + m[0].length + 2);
    return JSON.parse(m[1]);
  };
}
