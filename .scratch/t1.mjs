import nlp from 'compromise';
const m = nlp.model();
const lex = m.one.lexicon;
const tags = {};
for (const [w,t] of Object.entries(lex)) { const ts = Array.isArray(t)?t:[t]; for (const x of ts) tags[x]=(tags[x]||0)+1; }
console.log(Object.keys(lex).length, tags);
console.log(lex['geneva'], lex['miami'], lex['donetsk'], lex['kyiv'], lex['andriy'], lex['olga'], lex['kirill'], lex['dan'], lex['steve'], lex['marco'], lex['angus'], lex['jared'], lex['volodymyr'],lex['ursula'], lex['sergei'], lex['dmytro'], lex['king'], lex['president'], lex['zelensky']);
console.log(Object.keys(m.one), Object.keys(m.two||{}), Object.keys(m.three||{}));
