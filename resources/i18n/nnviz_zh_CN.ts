<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>x: {why}; it stays {x}</source>
        <translation>x：{why}；保持为 {x}</translation>
    </message>
    <message>
        <source>Trace the worst-classified training point</source>
        <translation>追踪分类最差的训练点</translation>
    </message>
    <message>
        <source>Trace a fresh point</source>
        <translation>追踪一个新的点</translation>
    </message>
    <message>
        <source>The network changed since this trace, which still shows the old weights: press Re-trace to walk the new network.</source>
        <translation>追踪之后网络已经变了，这里显示的仍是旧权重：按“用当前权重重新追踪”来走一遍新网络。</translation>
    </message>
    <message>
        <source>There are no training points to trace.</source>
        <translation>没有可追踪的训练点。</translation>
    </message>
    <message>
        <source>there are {count} training points; {n} is not one of them</source>
        <translation>共有 {count} 个训练点；{n} 不在其中</translation>
    </message>
    <message>
        <source>The worst-classified training point: its loss is {loss}, the highest of {count} (median {median}). Walk it, or press Apply one update to see a step that matters.</source>
        <translation>分类最差的训练点：它的损失是 {loss}，在 {count} 个点中最高（中位数 {median}）。逐步走一遍，或按“执行一次更新”，看一步真正起作用的更新。</translation>
    </message>
    <message>
        <source>The Trace tool is on: click a point, or an empty spot, on the data canvas to trace it.</source>
        <translation>“追踪”工具已打开：在数据画布上点一个点或一处空白，就会追踪它。</translation>
    </message>
    <message>
        <source>Pick a point with the Trace tool first.</source>
        <translation>请先用“追踪”工具选一个点。</translation>
    </message>
    <message>
        <source>The formula from the session.</source>
        <translation>会话中保存的公式。</translation>
    </message>
    <message>
        <source>Every op of the network; the layer you clicked is centred.</source>
        <translation>网络的每个运算；你点的那一层居中显示。</translation>
    </message>
    <message>
        <source>Trace a network example first.</source>
        <translation>请先追踪一个网络样本。</translation>
    </message>
    <message>
        <source>The network changed since this trace and the example could not be traced again: pick a point with the Trace tool.</source>
        <translation>追踪之后网络已经变了，这个样本无法重新追踪：请用“追踪”工具选一个点。</translation>
    </message>
    <message>
        <source>Applying w ← w − lr·∂L/∂w for this example…</source>
        <translation>正在对这个样本执行 w ← w − lr·∂L/∂w…</translation>
    </message>
    <message>
        <source>six knobs take six numbers from {low} to {high}</source>
        <translation>六个旋钮需要六个 {low} 到 {high} 之间的数</translation>
    </message>
    <message>
        <source>choose two different knobs out of k0 … k5</source>
        <translation>请从 k0 … k5 中选两个不同的旋钮</translation>
    </message>
    <message>
        <source>The lesson is over; your own session is back.</source>
        <translation>课程结束；你自己的会话已恢复。</translation>
    </message>
    <message>
        <source>This step&apos;s {request} is not available.</source>
        <translation>这一步的 {request} 无法使用。</translation>
    </message>
    <message>
        <source>no lesson is playing</source>
        <translation>没有正在播放的课程</translation>
    </message>
    <message>
        <source>{title}: step {step} of {count}. PgDn next, PgUp back.</source>
        <translation>{title}：第 {step} 步，共 {count} 步。PgDn 下一步，PgUp 上一步。</translation>
    </message>
    <message>
        <source>No lesson is playing: Lessons ▸ All lessons… picks one.</source>
        <translation>没有正在播放的课程：在“课程 ▸ 全部课程…”中选一门。</translation>
    </message>
    <message>
        <source>The {name} view is not in this window yet.</source>
        <translation>这个窗口里还没有 {name} 视图。</translation>
    </message>
    <message>
        <source>no feature called {name} in table {table}</source>
        <translation>表 {table} 中没有名为 {name} 的特征</translation>
    </message>
    <message>
        <source>{name} = {value}: a knob takes a number from −5 to 5</source>
        <translation>{name} = {value}：旋钮只接受 −5 到 5 之间的数</translation>
    </message>
    <message>
        <source>table {table} has no {name} detector</source>
        <translation>表 {table} 没有 {name} 探测器</translation>
    </message>
    <message>
        <source>{name} detector: lit for {rows}</source>
        <translation>{name}探测器：亮灯的是 {rows}</translation>
    </message>
    <message>
        <source>no example called {target} to train for</source>
        <translation>没有名为 {target} 的样本可作训练目标</translation>
    </message>
    <message>
        <source>trained: settled after {epochs} passes; lit for {rows}</source>
        <translation>训练完成：{epochs} 遍后稳定；亮灯的是 {rows}</translation>
    </message>
    <message>
        <source>trained: did not settle after {epochs} passes; lit for {rows}</source>
        <translation>训练结束：{epochs} 遍后仍未稳定；亮灯的是 {rows}</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>hover over the plot for exact values</source>
        <translation>鼠标悬停在图上可查看精确数值</translation>
    </message>
    <message>
        <source>Cannot show this figure: {reason}</source>
        <translation>无法显示这张图：{reason}</translation>
    </message>
    <message>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Which composition f(g(x)) to draw as gears</source>
        <translation>把哪个复合函数 f(g(x)) 画成齿轮</translation>
    </message>
    <message>
        <source>Where to take the slopes: a number where f(g(x)) is defined</source>
        <translation>在哪里求斜率：一个使 f(g(x)) 有定义的数</translation>
    </message>
    <message>
        <source>turn the input gear</source>
        <translation>转动输入齿轮</translation>
    </message>
    <message>
        <source>Turn the input gear (or drag it, or press ← →)</source>
        <translation>转动输入齿轮（也可以拖动它，或按 ← →）</translation>
    </message>
    <message>
        <source>turn x:</source>
        <translation>转动 x：</translation>
    </message>
    <message>
        <source>x turned {x}°  →  g turned {g}°  →  f turned {f}°</source>
        <translation>x 转了 {x}°  →  g 转了 {g}°  →  f 转了 {f}°</translation>
    </message>
    <message>
        <source>ratio {slope}
= {value}</source>
        <translation>传动比 {slope}
= {value}</translation>
    </message>
    <message>
        <source>nnviz chain rule as gears</source>
        <translation>nnviz 齿轮里的链式法则</translation>
    </message>
    <message>
        <source>value {value}</source>
        <translation>值 {value}</translation>
    </message>
    <message>
        <source>grad {grad}</source>
        <translation>梯度 {grad}</translation>
    </message>
    <message>
        <source>local {local}</source>
        <translation>局部 {local}</translation>
    </message>
    <message>
        <source>slow</source>
        <translation>慢</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>fast</source>
        <translation>快</translation>
    </message>
    <message>
        <source>every op</source>
        <translation>每个运算</translation>
    </message>
    <message>
        <source>neuron by neuron</source>
        <translation>逐个神经元</translation>
    </message>
    <message>
        <source>layers (shapes)</source>
        <translation>按层（形状）</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>前向</translation>
    </message>
    <message>
        <source>backward</source>
        <translation>反向</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Pick a preset, type a formula, or trace a data point.</source>
        <translation>选一个例题，输入一个公式，或追踪一个数据点。</translation>
    </message>
    <message>
        <source>node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>The memo table: each node&apos;s gradient is computed once and reused, like dynamic programming</source>
        <translation>备忘表：每个节点的梯度只算一次，之后反复使用，就像动态规划</translation>
    </message>
    <message>
        <source>Worked examples from the lectures</source>
        <translation>课堂上的例题</translation>
    </message>
    <message>
        <source>type a formula, e.g. w1**4*w2 + 5*w3  (Enter)</source>
        <translation>输入公式，例如 w1**4*w2 + 5*w3（回车）</translation>
    </message>
    <message>
        <source>values: w1=2, w2=3  (Enter)</source>
        <translation>取值：w1=2, w2=3（回车）</translation>
    </message>
    <message>
        <source>Set the formula&apos;s variables and walk it again</source>
        <translation>设置公式中变量的值，再从头走一遍</translation>
    </message>
    <message>
        <source>Walk the live network on the example picked with the Trace tool on the data canvas</source>
        <translation>用数据画布上“追踪”工具选中的样本，逐步走一遍当前的网络</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>例题</translation>
    </message>
    <message>
        <source>⟲ Reset</source>
        <translation>⟲ 重置</translation>
    </message>
    <message>
        <source>Back to the start: nothing computed</source>
        <translation>回到起点：什么都还没算</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 退一步</translation>
    </message>
    <message>
        <source>Undo the last step exactly (←)</source>
        <translation>精确撤销上一步（←）</translation>
    </message>
    <message>
        <source>Step ▶</source>
        <translation>单步 ▶</translation>
    </message>
    <message>
        <source>Compute the next node (→)</source>
        <translation>计算下一个节点（→）</translation>
    </message>
    <message>
        <source>Run forward</source>
        <translation>运行前向传播</translation>
    </message>
    <message>
        <source>Compute every value</source>
        <translation>计算所有数值</translation>
    </message>
    <message>
        <source>Run backward</source>
        <translation>运行反向传播</translation>
    </message>
    <message>
        <source>Compute every gradient</source>
        <translation>计算所有梯度</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation>梯度检验</translation>
    </message>
    <message>
        <source>Compare every leaf&apos;s backprop gradient with a central finite difference</source>
        <translation>把每个叶节点的反向传播梯度与中心有限差分作比较</translation>
    </message>
    <message>
        <source>Apply one update</source>
        <translation>执行一次更新</translation>
    </message>
    <message>
        <source>Take one SGD step on this example and see the loss and the boundary move</source>
        <translation>在这个样本上做一步 SGD，看损失和决策边界怎样移动</translation>
    </message>
    <message>
        <source>Memo table ▸</source>
        <translation>备忘表 ▸</translation>
    </message>
    <message>
        <source>Show the gradient check, the update and the memo table</source>
        <translation>显示梯度检验、更新和备忘表</translation>
    </message>
    <message>
        <source>Re-trace with current weights</source>
        <translation>用当前权重重新追踪</translation>
    </message>
    <message>
        <source>Trace network example</source>
        <translation>追踪网络样本</translation>
    </message>
    <message>
        <source>your formula</source>
        <translation>你的公式</translation>
    </message>
    <message>
        <source>a traced network example</source>
        <translation>一个追踪的网络样本</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt; — {phase} · step {index}/{count}</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt; — {phase} · 第 {index}/{count} 步</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>could not write {path}</source>
        <translation>无法写入 {path}</translation>
    </message>
    <message>
        <source>{text} is not a number</source>
        <translation>{text} 不是一个数</translation>
    </message>
    <message>
        <source>{text} is not a finite number</source>
        <translation>{text} 不是有限的数</translation>
    </message>
    <message>
        <source>{value} is outside {low} … {high}</source>
        <translation>{value} 超出了 {low} … {high} 的范围</translation>
    </message>
    <message>
        <source>knob {name}</source>
        <translation>旋钮 {name}</translation>
    </message>
    <message>
        <source>value of {name}</source>
        <translation>{name} 的值</translation>
    </message>
    <message>
        <source>{name}: {low} … {high} in steps of {step}</source>
        <translation>{name}：{low} … {high}，步长 {step}</translation>
    </message>
    <message>
        <source>{name}: {why}; it stays {value}</source>
        <translation>{name}：{why}；保持为 {value}</translation>
    </message>
    <message>
        <source>② the loss  (k{first}, k{second}) → score</source>
        <translation>② 损失函数  (k{first}, k{second}) → 得分</translation>
    </message>
    <message>
        <source>Two functions you must not confuse</source>
        <translation>两个千万别混淆的函数</translation>
    </message>
    <message>
        <source>six knobs</source>
        <translation>六个旋钮</translation>
    </message>
    <message>
        <source>k{i}, the weight of {power}: turn it, or type a number and press Enter</source>
        <translation>k{i}，{power} 的权重：转动它，或输入一个数后按回车</translation>
    </message>
    <message>
        <source>Fit by gradient descent</source>
        <translation>用梯度下降拟合</translation>
    </message>
    <message>
        <source>Let gradient descent turn the knobs (Space)</source>
        <translation>让梯度下降来转动旋钮（空格键）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Every knob back to 0 (R)</source>
        <translation>所有旋钮归零（R）</translation>
    </message>
    <message>
        <source>① the fitting function  x → y</source>
        <translation>① 拟合函数  x → y</translation>
    </message>
    <message>
        <source>The knob across</source>
        <translation>横轴上的旋钮</translation>
    </message>
    <message>
        <source>The knob up</source>
        <translation>纵轴上的旋钮</translation>
    </message>
    <message>
        <source>across:</source>
        <translation>横轴：</translation>
    </message>
    <message>
        <source>up:</source>
        <translation>纵轴：</translation>
    </message>
    <message>
        <source>k{first} = {a}, k{second} = {b}: loss = {loss} (dark = low)</source>
        <translation>k{first} = {a}，k{second} = {b}：损失 = {loss}（越暗越低）</translation>
    </message>
    <message>
        <source>epoch {epoch} · loss {loss}</source>
        <translation>第 {epoch} 轮 · 损失 {loss}</translation>
    </message>
    <message>
        <source>Pause the fit</source>
        <translation>暂停拟合</translation>
    </message>
    <message>
        <source>nnviz six knobs</source>
        <translation>nnviz 六个旋钮</translation>
    </message>
    <message>
        <source>Which fruit is it?</source>
        <translation>这是哪种水果？</translation>
    </message>
    <message>
        <source>Will it rain?</source>
        <translation>会下雨吗？</translation>
    </message>
    <message>
        <source>fruit</source>
        <translation>水果</translation>
    </message>
    <message>
        <source>weather</source>
        <translation>天气</translation>
    </message>
    <message>
        <source>big</source>
        <translation>大</translation>
    </message>
    <message>
        <source>red</source>
        <translation>红</translation>
    </message>
    <message>
        <source>green</source>
        <translation>绿</translation>
    </message>
    <message>
        <source>sweet</source>
        <translation>甜</translation>
    </message>
    <message>
        <source>sour</source>
        <translation>酸</translation>
    </message>
    <message>
        <source>round</source>
        <translation>圆</translation>
    </message>
    <message>
        <source>apple</source>
        <translation>苹果</translation>
    </message>
    <message>
        <source>watermelon</source>
        <translation>西瓜</translation>
    </message>
    <message>
        <source>hawthorn</source>
        <translation>山楂</translation>
    </message>
    <message>
        <source>lemon</source>
        <translation>柠檬</translation>
    </message>
    <message>
        <source>grape</source>
        <translation>葡萄</translation>
    </message>
    <message>
        <source>banana</source>
        <translation>香蕉</translation>
    </message>
    <message>
        <source>overcast</source>
        <translation>阴天</translation>
    </message>
    <message>
        <source>humid</source>
        <translation>潮湿</translation>
    </message>
    <message>
        <source>clear and dry</source>
        <translation>晴朗干燥</translation>
    </message>
    <message>
        <source>clear and humid</source>
        <translation>晴朗潮湿</translation>
    </message>
    <message>
        <source>overcast and dry</source>
        <translation>阴天干燥</translation>
    </message>
    <message>
        <source>overcast and humid</source>
        <translation>阴天潮湿</translation>
    </message>
    <message>
        <source>rain</source>
        <translation>下雨</translation>
    </message>
    <message>
        <source>lit</source>
        <translation>亮</translation>
    </message>
    <message>
        <source>off</source>
        <translation>灭</translation>
    </message>
    <message>
        <source>example</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>lamp</source>
        <translation>灯</translation>
    </message>
    <message>
        <source>lamp for {name}</source>
        <translation>{name}的灯</translation>
    </message>
    <message>
        <source>weight w</source>
        <translation>权重 w</translation>
    </message>
    <message>
        <source>Choose the table of examples</source>
        <translation>选择样本表</translation>
    </message>
    <message>
        <source>table:</source>
        <translation>表：</translation>
    </message>
    <message>
        <source>A lamp lights when Σ w·x − b &gt; 0: each feature x (0 or 1) times its weight w, minus b.</source>
        <translation>当 Σ w·x − b &gt; 0 时灯亮：每个特征 x（0 或 1）乘以它的权重 w，再减去 b。</translation>
    </message>
    <message>
        <source>knobs: weights w, threshold b</source>
        <translation>旋钮：权重 w，阈值 b</translation>
    </message>
    <message>
        <source>detectors:</source>
        <translation>探测器：</translation>
    </message>
    <message>
        <source>target:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <source>Which example the trained perceptron should light up for</source>
        <translation>训练出的感知机应该为哪个样本亮灯</translation>
    </message>
    <message>
        <source>Train from labels</source>
        <translation>按标签训练</translation>
    </message>
    <message>
        <source>Learn the knobs with the perceptron rule (w ← w ± x)</source>
        <translation>用感知机规则学习旋钮（w ← w ± x）</translation>
    </message>
    <message>
        <source>Set the knobs of the lesson&apos;s {name} detector</source>
        <translation>把旋钮设成课程中的{name}探测器</translation>
    </message>
    <message>
        <source>nnviz feature table</source>
        <translation>nnviz 特征表</translation>
    </message>
    <message>
        <source>the table&apos;s labels</source>
        <translation>表中的标签</translation>
    </message>
    <message>
        <source>threshold b</source>
        <translation>阈值 b</translation>
    </message>
    <message>
        <source>w {feature}</source>
        <translation>w（{feature}）</translation>
    </message>
</context>
</TS>
