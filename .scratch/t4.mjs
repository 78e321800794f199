import nlp from 'compromise';
const lex = nlp.model().one.lexicon;
for (const w of ['mark','will','bill','grant','rob','frank','may','june','president','gaza','kyiv','moscow','istanbul','riyadh','jeddah','donbas','crimea','europe','however','another','during','multiple','diplomatic','white','senator','secretary','ambassador','army','the','this','as','stefanishyna','sergei','sergey','dmitry','keir','emmanuel','kaja','hakan','recep','xi','ursula','friedrich','rustem','mohammed','abbas','benjamin','yulia','olena','viktor','denys','oleksandr','andrii','mykola','petro','yuriy','andriy','volodymyr','lavrov','peskov','ushakov','said','officials','thanksgiving','congressional','western','east','middle east','article','king','angus','jared','steve','dan','marco','donald','vladimir','kirill','olga','washington','london','paris','berlin','brussels','budapest','warsaw','ankara','doha','vienna','rome','minsk','kharkiv','odesa','zaporizhzhia','kherson','bakhmut','lviv','dnipro','belgorod','kursk','alaska','florida','anchorage']) console.log(w, lex[w]);
const byTag = (t)=>Object.entries(lex).filter(([w,x])=>x===t).map(x=>x[0]);
console.log('REGION', byTag('Region').join(', '));
console.log('CITY', byTag('City').join(', '));
console.log('COUNTRY', byTag('Country').join(', '));
console.log('PLACE', byTag('Place').join(', '));
