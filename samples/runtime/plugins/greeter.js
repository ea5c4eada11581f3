'use strict';
// The hot-reloadable plugin. Each evaluation compiles a new GreeterState class and allocates ~200 KB of
// phrases, so every copy a reload leaves behind is easy to see in a snapshot.
class GreeterState {
  constructor(generation) {
    this.generation = generation;
    this.phrases = [];
    for (let i = 0; i < 2000; i++) {
      this.phrases.push({ text: `hello #${i} from generation ${generation}`, uses: 0 });
    }
  }
}

const generation = (globalThis.__greeterGenerations = (globalThis.__greeterGenerations || 0) + 1);
const state = new GreeterState(generation);

module.exports = {
  state,
  greet(name) {
    const phrase = state.phrases[name.length % state.phrases.length];
    phrase.uses++;
    return `${phrase.text}, ${name}`;
  },
};
